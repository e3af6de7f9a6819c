// The same build served under a sub-path of a plain static host: every screen opens, and
// survives a reload.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

const port = Number(process.env.E2E_PORT || 4173) + 1;
const root = `http://127.0.0.1:${port}/fabrique/`;

test('under /fabrique/, every screen survives a reload', async ({ page }) => {
  await page.goto(root);
  const home = new HomePage(page);
  await expect(home.heading).toBeVisible();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Sous-chemin');
  await editor.openSection('Partenaires');
  expect(new URL(page.url()).pathname).toBe('/fabrique/');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Partenaires' })).toBeVisible();
  await editor.openSection('Identité et territoire');
  await expect(editor.name).toHaveValue('Sous-chemin');

  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  await page.getByRole('link', { name: 'Mes dossiers' }).click();
  await page.reload();
  await expect(home.dossierLink('Sous-chemin')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
});
