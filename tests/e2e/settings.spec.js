// Settings: the language of the whole app, and the criterion weights.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('the language switches the whole app, and stays switched', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toHaveText('prêt à déposer');
  const dossierUrl = page.url();

  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByLabel("Langue de l'application").selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'My dossiers' })).toBeVisible();

  await page.goto(dossierUrl);
  await expect(editor.verdict).toHaveText('ready to apply');
  await expect(page.getByRole('button', { name: /^Identity and territory/ })).toBeVisible();
  await expect(page.getByLabel('Project name', { exact: true })).toHaveValue('La Grange numérique');
  await expect(page.getByRole('heading', { name: 'What next?' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language of the app').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('weights change the weighted score, and can be restored', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.exampleChoice.selectOption({ index: 1 });
  await home.openExample.click();
  const editor = new EditorPage(page);
  const before = Number(await editor.weightedScore.textContent());
  const dossierUrl = page.url();

  await page.getByRole('link', { name: 'Réglages' }).click();
  // The economic model is this example's weakest criterion: weighing it more lowers the score.
  await page.getByLabel('Poids du critère Modèle économique').fill('80');
  await page.getByLabel('Poids du critère Modèle économique').blur();
  await page.goto(dossierUrl);
  await expect.poll(async () => Number(await editor.weightedScore.textContent())).toBeLessThan(before);

  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('button', { name: 'Rétablir les pondérations de Fabrique' }).click();
  await expect(page.getByLabel('Poids du critère Modèle économique')).toHaveValue('20');
  await page.goto(dossierUrl);
  await expect(editor.weightedScore).toHaveText(String(before));
});

test('a Manufacture de proximité has its own criterion weights', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.exampleChoice.selectOption({ index: 3 });
  await home.openExample.click();
  const editor = new EditorPage(page);
  const before = Number(await editor.weightedScore.textContent());
  const dossierUrl = page.url();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Manufactures de proximité' })).toBeVisible();
  // Training is this workshop's weakest criterion: weighing it more lowers the score.
  await page.getByLabel('Poids du critère Formation').fill('100');
  await page.getByLabel('Poids du critère Formation').blur();
  await page.goto(dossierUrl);
  await expect.poll(async () => Number(await editor.weightedScore.textContent())).toBeLessThan(before);
});

test('the settings say whether the browser keeps the dossiers', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  await expect(new EditorPage(page).name).toBeVisible();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByTestId('persistence')).toHaveText(/conserver vos dossiers/);
});
