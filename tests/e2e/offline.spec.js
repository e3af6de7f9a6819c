// The installable, offline app: after a first visit it opens with no network, at the root
// and under a sub-path; a new build is offered, never forced; Chromium finds it installable.
const fs = require('fs');
const { execFileSync } = require('child_process');
const path = require('path');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

const port = Number(process.env.E2E_PORT || 4173);
const roots = [
  ['at the root', `http://127.0.0.1:${port}/`],
  ['under /fabrique/', `http://127.0.0.1:${port + 1}/fabrique/`],
];

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

for (const [where, root] of roots) {
  test(`after a first visit, the app works offline ${where}`, async ({ page, context }) => {
    await page.goto(root);
    const home = new HomePage(page);
    await expect(home.heading).toBeVisible();
    // A first visit: the home alone (#20); the worker has kept both bundles.
    await expect(page.locator('html')).toHaveAttribute('data-bundle', 'home');
    await controlled(page);
    await home.newDossier.click();
    const editor = new EditorPage(page);
    await editor.name.fill('Réunion sans réseau');
    await editor.saved();
    await page.getByRole('button', { name: 'Partager' }).click();
    const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

    await context.setOffline(true);
    await page.reload();
    await expect(editor.name).toHaveValue('Réunion sans réseau');
    await expect(page.getByText('Hors ligne')).toBeVisible();
    await home.backHome();
    await expect(home.dossierLink('Réunion sans réseau')).toBeVisible();
    // The home the worker serves is the whole app's: from it, every screen opens in the page.
    await page.goto(root);
    await expect(home.dossierLink('Réunion sans réseau')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-bundle', 'app');

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByText('Instantané en lecture seule')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByText('Hors ligne')).toHaveCount(0);
  });
}

test('a page no worker serves is taken by the worker of its build (a hard reload here), and keeps working offline', async ({ page, context }) => {
  const home = new HomePage(page);
  await page.goto(roots[0][1]);
  await expect(home.heading).toBeVisible();
  await controlled(page);
  // A hard reload goes past the worker: the page comes from the network, uncontrolled, as
  // one loaded while its worker was being activated (the home bundle's hand-over, #20).
  const session = await context.newCDPSession(page);
  await session.send('Page.reload', { ignoreCache: true });
  await expect(home.heading).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('fabrique:start').length > 0);
  await controlled(page);
  await context.setOffline(true);
  await home.newDossier.click();
  await expect(new EditorPage(page).name).toBeVisible();
  await context.setOffline(false);
});

test('a new build is offered; refusing keeps the old one, accepting reloads into the new one', async ({ page }) => {
  // Build A is dist/; build B is the same with another build id, as a new release would be.
  const root = path.join(__dirname, '..', '..', 'target', 'e2e-update');
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  fs.rmSync(a, { recursive: true, force: true });
  fs.rmSync(b, { recursive: true, force: true });
  fs.cpSync(path.join(__dirname, '..', '..', 'dist'), a, { recursive: true });
  fs.cpSync(a, b, { recursive: true });
  const buildA = fs.readFileSync(path.join(a, 'index.html'), 'utf8').match(/fabrique-build" content="([0-9a-f]+)"/)[1];
  for (const file of ['index.html', 'sw.js']) {
    const target = path.join(b, file);
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').split(buildA).join('b000000000000000'));
    // Published within the same second as build A, with the same size: neither the
    // server's Last-Modified nor its size tells them apart, the update must still be seen.
    const { atime, mtime } = fs.statSync(path.join(a, file));
    fs.utimesSync(target, atime, mtime);
  }
  // As a release does: the precompressed copies made again from B's files.
  execFileSync('python3', [path.join(__dirname, '..', '..', 'scripts', 'compress.py'), b]);
  for (const file of ['index.html', 'sw.js']) {
    for (const copy of ['', '.br', '.gz']) {
      const { atime, mtime } = fs.statSync(path.join(a, file + copy));
      fs.utimesSync(path.join(b, file + copy), atime, mtime);
    }
  }
  const served = path.join(root, 'app');
  fs.rmSync(served, { force: true });
  fs.symlinkSync('a', served);

  const url = `http://127.0.0.1:${port + 2}/app/`;
  await page.goto(url);
  const home = new HomePage(page);
  await controlled(page);
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Avant la mise à jour');
  await editor.saved();
  // The build the page runs (null while it reloads).
  const build = () => page
    .evaluate(() => document.querySelector('meta[name="fabrique-build"]').content)
    .catch(() => null);
  expect(await build()).toBe(buildA);

  // The server now has build B: the next visit finds it, and offers it.
  fs.rmSync(served, { force: true });
  fs.symlinkSync('b', served);
  await page.reload();
  const offer = page.getByText('Nouvelle version disponible');
  await expect(offer).toBeVisible();
  expect(await build()).toBe(buildA);

  // Refused: build A goes on working.
  await page.getByRole('button', { name: 'Plus tard' }).click();
  await expect(offer).toHaveCount(0);
  await editor.name.fill('Toujours sur A');
  await editor.saved();
  expect(await build()).toBe(buildA);

  // Accepted: the page reloads into B, with the dossier as it was saved.
  await page.reload();
  await expect(offer).toBeVisible();
  // A second tab, also on build A, is offered B too.
  const second = await page.context().newPage();
  await second.goto(url);
  await expect(second.getByText('Nouvelle version disponible')).toBeVisible();
  const secondBuild = () => second
    .evaluate(() => document.querySelector('meta[name="fabrique-build"]').content)
    .catch(() => null);
  expect(await secondBuild()).toBe(buildA);
  await editor.name.fill('Juste avant B');
  await page.getByRole('button', { name: 'Recharger' }).click();
  await expect.poll(build).toBe('b000000000000000');
  await expect(editor.name).toHaveValue('Juste avant B');
  // B was applied from the first tab: the second one's "Recharger" still takes it there.
  await second.getByRole('button', { name: 'Recharger' }).click();
  await expect.poll(secondBuild).toBe('b000000000000000');
  await expect(second.getByRole('button', { name: 'Nouveau dossier' })).toBeVisible();
});

test('Chromium finds the app installable', async ({ playwright }, testInfo) => {
  // Installability is never granted in an incognito context: use a real profile.
  const profile = testInfo.outputPath('profile');
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto('./');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
  }
});
