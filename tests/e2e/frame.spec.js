// Inside another page's frame, Fabrique shows no dossier and acts on none: a page that
// frames it — even on its own origin, which shares its storage — gets a notice and a link
// to open Fabrique in its own tab. (Defence in depth: hosts that can send
// `frame-ancestors` headers stop framing before this.)
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('a page that frames Fabrique gets none of the dossiers displayed', async ({ page, baseURL }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  await expect(new EditorPage(page).verdict).toBeVisible();
  await home.goto();
  await expect(home.dossierLink('La Grange numérique')).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  // A page of the same origin (so with the same storage) frames the app.
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'cadre';
    frame.style.width = '800px';
    frame.style.height = '600px';
    document.body.append(frame);
  }, `${baseURL}?page=reglages`);
  const framed = page.frameLocator('iframe[title="cadre"]');
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
