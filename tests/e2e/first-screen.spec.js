// The first screen comes before the wasm: index.html draws the header and the home's text
// (or "Ouverture du lien…") in the app's own layout, and the app takes over without a
// layout shift.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

// No service worker: it would serve the wasm from its cache, past the route that holds it.
test.use({ serviceWorkers: 'block' });

// Every layout shift the page has had, from its first frame, but those that follow the
// user's own input (as the browser's cumulative layout shift counts them).
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

// The wasm is asked for and never arrives.
const withoutWasm = (page) => page.route(/\.wasm$/, () => {});

test('before the wasm: the home, in the app\'s words and place; then the app, with nothing moved', async ({ page }) => {
  await recordShifts(page);
  await withoutWasm(page);
  await page.goto('./');
  const waiting = page.locator('#first-screen');
  await expect(waiting.getByRole('heading', { level: 1 })).toHaveText('Vos dossiers', { useInnerText: true });
  const before = {
    intro: await waiting.locator('.intro').innerText(),
    header: await waiting.locator('.site-header').boundingBox(),
    heading: await waiting.getByRole('heading', { level: 1 }).boundingBox(),
  };

  await page.unroute(/\.wasm$/);
  await page.reload();
  const home = new HomePage(page);
  await expect(home.heading).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(await page.locator('.intro').innerText()).toBe(before.intro);
  expect(await page.locator('header.site-header').boundingBox()).toEqual(before.header);
  expect(await home.heading.boundingBox()).toEqual(before.heading);
  // The app's first screen is on display: no shift happened on the way.
  await page.waitForFunction(() => performance.getEntriesByName('fabrique:first-screen').length > 0);
  // The browser reports shifts at all (else an empty list would prove nothing).
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))).toBe(true);
  expect(await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
});

test('before the wasm: a received link says it is opening, and English follows the settings', async ({ page }) => {
  await withoutWasm(page);
  await page.goto('./#d6-AAAA');
  const waiting = page.locator('#first-screen');
  await expect(waiting.getByRole('status')).toHaveText('Ouverture du lien…', { useInnerText: true });
  await expect(waiting.getByRole('heading', { level: 1 })).toBeHidden();
  // A dossier's screen: only the header, no home text that would flash.
  await page.goto('./?dossier=00000000000000ff');
  await expect(waiting.locator('.site-header')).toBeVisible();
  await expect(waiting.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(waiting.getByRole('status')).toBeHidden();

  await page.unroute(/\.wasm$/);
  await page.goto('./?page=reglages');
  await page.getByLabel("Langue de l'application").selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await withoutWasm(page);
  await page.goto('./');
  await expect(waiting.getByRole('heading', { level: 1 })).toHaveText('Your dossiers', { useInnerText: true });
  await expect(waiting.getByText('Nothing leaves your browser: no account, no server.')).toBeVisible();
});

// The wasm files the page asked for, by bundle ("home" or "app"), in order.
function recordBundles(page) {
  const asked = [];
  page.on('request', (request) => {
    const bundle = /\/fabrique-(home|app)-[0-9a-f]{1,16}_bg\.wasm$/.exec(request.url());
    if (bundle) asked.push(bundle[1]);
  });
  return asked;
}

// A first visit to the bare address: the home bundle alone, on screen and started.
async function firstVisitHome(page) {
  const asked = recordBundles(page);
  const home = new HomePage(page);
  await home.goto();
  await expect(home.heading).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('fabrique:first-screen').length > 0);
  expect(asked).toEqual(['home']);
  await expect(page.locator('html')).toHaveAttribute('data-bundle', 'home');
  return { asked, home };
}

test('a first visit to the home loads the home alone; the whole app creates the dossier and draws every other screen', async ({ page }) => {
  const { asked, home } = await firstVisitHome(page);

  // A new dossier opens in the whole app, with the dossier the home created.
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Ouvert par la page entière');
  await editor.saved();
  expect(asked).toEqual(['home', 'app']);
  await expect(page.locator('html')).toHaveAttribute('data-bundle', 'app');
  // Back to the list: the whole app draws it, with no page load.
  await home.backHome();
  await expect(home.dossierLink('Ouvert par la page entière')).toBeVisible();
  expect(asked).toEqual(['home', 'app']);

  // Once a dossier is kept, the home is the whole app's too.
  asked.length = 0;
  await page.goto('./');
  await expect(home.dossierLink('Ouvert par la page entière')).toBeVisible();
  expect(asked).toEqual(['app']);

  // Any address that names a screen, a link or an encoded '#' is the whole app's.
  for (const address of ['./?page=reglages', './#d6-AAAA', './?dossier=00000000000000ff']) {
    asked.length = 0;
    await page.goto(address);
    await page.waitForFunction(() => performance.getEntriesByName('fabrique:start').length > 0);
    expect(asked, address).toEqual(['app']);
  }
});

test('offline on a first visit, before the worker keeps the app, opening a dossier says the network is needed and loads nothing', async ({ page, context }) => {
  const { asked, home } = await firstVisitHome(page);

  await context.setOffline(true);
  await home.newDossier.click();
  await expect(page.getByRole('alert')).toContainText('Hors connexion : ouvrir un dossier charge Fabrique en entier');
  // Still the home bundle's page, with no action left waiting for a later load.
  await expect(home.heading).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('fabrique.handover'))).toBeNull();
  expect(asked).toEqual(['home']);

  // Back online, the same button opens the dossier in the whole app.
  await context.setOffline(false);
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Ouvert une fois en ligne');
  await editor.saved();
  expect(asked).toEqual(['home', 'app']);
});

test('a home bundle open in one tab gives way to the whole app once another tab keeps a dossier', async ({ page, context }) => {
  const { asked, home } = await firstVisitHome(page);
  // The page loads again once: the other tab's writes are several storage events, and two
  // reloads in a row made Chromium's renderer crash now and then.
  const loads = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document' && request.frame() === page.mainFrame()) loads.push(request.url());
  });

  const other = await context.newPage();
  const otherHome = new HomePage(other);
  await otherHome.goto();
  await otherHome.newDossier.click();
  const editor = new EditorPage(other);
  await editor.name.fill('Créé dans l\'autre onglet');
  await editor.saved();

  // The first tab lists it, drawn by the whole app after one load of the page.
  await expect(home.dossierLink('Créé dans l\'autre onglet')).toBeVisible();
  expect(asked).toEqual(['home', 'app']);
  await expect(page.locator('html')).toHaveAttribute('data-bundle', 'app');
  expect(await page.evaluate(() => sessionStorage.getItem('fabrique.handover'))).toBeNull();
  expect(loads).toHaveLength(1);
});

// What the screen holds when the task that first drew `trigger` ends (a mutation
// observer's callback runs before any later task), kept as `window[name]`: `workspace`
// whether the dossier's sections and evaluation are built, `detail` how many elements the
// evaluation's detail holds (null: no evaluation yet), `review` whether the partner's form
// is built, `lower` whether the identity form's lower part (from the commune search on) is.
async function recordTask(page, trigger, name) {
  await page.addInitScript(([selector, key]) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      const more = document.getElementById('evaluation-more');
      window[key] = {
        workspace: document.querySelector('.editor') !== null,
        detail: more ? more.getElementsByTagName('*').length : null,
        review: document.querySelector('.review-form') !== null,
        lower: document.querySelector('.territory-search') !== null,
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, [trigger, name]);
}

test('a received link draws its banner first, then the dossier with its summary, then the detail and the partner\'s form, with nothing moved', async ({ page, browser }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const verdict = await new EditorPage(page).verdict.textContent();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

  const partner = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  const partnerPage = await partner.newPage();
  await recordShifts(partnerPage);
  await recordTask(partnerPage, '.snapshot-banner', '__bannerTask');
  await recordTask(partnerPage, '[data-testid="verdict"]', '__verdictTask');
  await partnerPage.goto(link);
  const received = new EditorPage(partnerPage);
  await expect(received.verdict).toHaveText(verdict);
  // Beside the form on this screen: the criteria, the action plan, the funding view.
  await expect(received.score('gouvernance')).toBeVisible();
  await expect(partnerPage.getByRole('heading', { name: 'Financements', exact: true })).toBeVisible();
  // The banner's task: what the link is and what can be done with it, nothing of the
  // dossier below it yet; then the dossier and its summary, without the detail.
  expect(await partnerPage.evaluate(() => window.__bannerTask))
    .toEqual({ workspace: false, detail: null, review: false, lower: false });
  expect(await partnerPage.evaluate(() => window.__verdictTask))
    .toEqual({ workspace: true, detail: 0, review: false, lower: false });
  await expect(partnerPage.locator('.territory-search')).toHaveCount(1);
  // The partner's form is there, hidden, before the partner asks for it.
  await expect(partnerPage.locator('.review-form')).toBeHidden();
  await expect(partnerPage.locator('.review-form')).toHaveCount(1);
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await expect(partnerPage.getByLabel('Votre organisation (obligatoire)')).toBeVisible();
  expect(await partnerPage.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
  await partner.close();
});

test('on a phone, the editor draws its summary first and the whole evaluation in the next task, one tap away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const editor = new EditorPage(page);
  const verdict = await editor.verdict.textContent();
  await recordShifts(page);
  await recordTask(page, '[data-testid="verdict"]', '__verdictTask');
  await page.reload();
  await expect(editor.verdict).toHaveText(verdict);
  await page.waitForFunction(() => performance.getEntriesByName('fabrique:first-screen').length > 0);
  // The form's first lines with the summary; its lower part (the commune search on) after.
  expect(await page.evaluate(() => window.__verdictTask))
    .toEqual({ workspace: true, detail: 0, review: false, lower: false });
  await expect(page.locator('.territory-search')).toHaveCount(1);
  await expect(editor.score('gouvernance')).toBeHidden();
  await page.getByRole('button', { name: "Voir toute l'évaluation" }).click();
  await expect(editor.score('gouvernance')).toBeVisible();
  expect(await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
});

test('a section chosen once the editor is open comes whole, in one task', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  // Past the editor's first task: its form is whole.
  await expect(page.locator('.territory-search')).toHaveCount(1);
  await page.locator('.section-button', { hasText: 'Gouvernance' }).click();
  await expect(page.locator('.dossier-form legend')).toHaveText('Gouvernance');
  // What the form holds when the task that brings the identity section back ends.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const legend = document.querySelector('.dossier-form legend');
      if (!legend || legend.textContent !== 'Identité et territoire') return;
      window.__identityTask = {
        lower: document.querySelector('.territory-search') !== null,
        notes: [...document.querySelectorAll('.dossier-form label')]
          .some((label) => label.textContent.includes('Notes sur cette section')),
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('.section-button', { hasText: 'Identité et territoire' }).click();
  await expect(page.locator('.dossier-form legend')).toHaveText('Identité et territoire');
  expect(await page.evaluate(() => window.__identityTask)).toEqual({ lower: true, notes: true });
});
