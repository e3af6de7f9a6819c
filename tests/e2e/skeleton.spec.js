// The walking skeleton: a dossier is created, named, answered, evaluated by fabrique-core,
// and still there after a reload.
const { test, expect } = require('@playwright/test');
const { HomePage, EditorPage } = require('./pages/app');

test('the app opens in French', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('Rien ne quitte votre navigateur')).toBeVisible();
  await expect(home.newDossier).toBeVisible();
});

test('a new dossier is named, answered, scored and kept across a reload', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();

  const editor = new EditorPage(page);
  await expect(editor.name).toBeVisible();
  await expect(editor.governanceScore).toHaveText('0');

  await editor.name.fill('Le Moulin partagé');
  await editor.statutes.check();
  await expect(editor.governanceScore).toHaveText('25');
  await editor.meetings.fill('2');
  await expect(editor.governanceScore).toHaveText('35');

  await page.reload();
  await expect(editor.name).toHaveValue('Le Moulin partagé');
  await expect(editor.statutes).toBeChecked();
  await expect(editor.meetings).toHaveValue('2');
  await expect(editor.governanceScore).toHaveText('35');

  // Back to the list: the dossier is there, by name.
  await page.getByRole('link', { name: 'Fabrique' }).click();
  await expect(home.dossierLink('Le Moulin partagé')).toBeVisible();
  expect(errors).toEqual([]);
});
