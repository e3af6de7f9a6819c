// Inside another page's frame, Fabrique shows no dossier and acts on none. Served as
// deploy/nginx/ serves it, the browser refuses to frame it at all (`frame-ancestors 'none'`,
// X-Frame-Options); where a host sends no header (GitHub Pages), a page that frames it —
// even on its own origin, which shares its storage — gets a notice and a link to open
// Fabrique in its own tab.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

// A page of the same origin (so with the same storage) frames the app.
async function frameIt(page, src) {
  await page.evaluate((address) => {
    const frame = document.createElement('iframe');
    frame.src = address;
    frame.title = 'cadre';
    frame.style.width = '800px';
    frame.style.height = '600px';
    document.body.append(frame);
  }, src);
  return page.frameLocator('iframe[title="cadre"]');
}

async function withExample(page) {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  await expect(new EditorPage(page).verdict).toBeVisible();
  await home.goto();
  await expect(home.dossierLink('La Grange numérique')).toBeVisible();
  return page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
}

test('served with its headers, Fabrique is not displayed in a frame at all', async ({ page, baseURL, hostileGuard }) => {
  const stored = await withExample(page);
  const framed = await frameIt(page, `${baseURL}?page=reglages`);
  // The browser refuses, and says why.
  await expect.poll(() => hostileGuard.join('\n')).toContain("frame-ancestors 'none'");
  const child = page.frames().find((frame) => frame.parentFrame() === page.mainFrame());
  await expect.poll(() => child.url()).toMatch(/^chrome-error:/);
  await expect(framed.getByText('La Grange numérique')).toHaveCount(0);
  await expect(framed.getByRole('button')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);
  // Seen and expected: cleared, so that the guard passes this test.
  hostileGuard.length = 0;
});

test.describe('on a host that sends no header', () => {
  // The service worker would answer from its cache, with the headers it stored.
  test.use({ serviceWorkers: 'block' });

  test('a page that frames Fabrique gets none of the dossiers displayed', async ({ page, baseURL }) => {
    const stored = await withExample(page);
    // The framed page arrives without the headers that forbid framing, as from such a host.
    await page.route(/\?page=reglages$/, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      for (const name of ['content-security-policy', 'x-frame-options']) delete headers[name];
      await route.fulfill({ response, headers });
    });
    const framed = await frameIt(page, `${baseURL}?page=reglages`);
    await expect(framed.getByTestId('framed')).toBeVisible();
    await expect(framed.getByTestId('open-in-tab')).toHaveAttribute('href', `${baseURL}?page=reglages`);
    await expect(framed.getByTestId('open-in-tab')).toHaveAttribute('target', '_blank');
    // Nothing of the user's: no list, no dossier, no settings, no button to act.
    await expect(framed.getByText('La Grange numérique')).toHaveCount(0);
    await expect(framed.getByRole('button')).toHaveCount(0);
    await expect(framed.getByRole('heading', { name: 'Réglages' })).toHaveCount(0);
    // And nothing written.
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);
  });
});
