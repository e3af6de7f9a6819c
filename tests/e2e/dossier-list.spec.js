// The list of dossiers: rename, duplicate, delete then undo, export then import.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

async function createNamed(page, name) {
  const home = new HomePage(page);
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill(name);
  await editor.saved();
  await home.backHome();
}

test('rename, duplicate, delete then undo', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await createNamed(page, 'La Fabrique du Val');
  // Each line shows the dossier's verdict and weighted score.
  await expect(home.row('La Fabrique du Val').getByTestId('row-verdict')).toHaveText('pas encore prêt');
  await expect(home.row('La Fabrique du Val').getByTestId('row-score')).toHaveText('0');

  await home.action('Renommer', 'La Fabrique du Val').click();
  await page.getByLabel('Nouveau nom pour « La Fabrique du Val »').fill('La Fabrique du Val d’Aubin');
  await page.getByRole('button', { name: 'Valider le nom' }).click();
  await expect(home.dossierLink('La Fabrique du Val d’Aubin')).toBeVisible();

  await home.action('Dupliquer', 'La Fabrique du Val d’Aubin').click();
  await expect(home.dossierLink('La Fabrique du Val d’Aubin (copie)')).toBeVisible();

  await home.action('Supprimer', 'La Fabrique du Val d’Aubin (copie)').click();
  await expect(home.dossierLink('La Fabrique du Val d’Aubin (copie)')).toHaveCount(0);
  await expect(page.getByText('« La Fabrique du Val d’Aubin (copie) » supprimé.')).toBeVisible();
  await home.undoDelete.click();
  await expect(home.dossierLink('La Fabrique du Val d’Aubin (copie)')).toBeVisible();

  // The restored dossier opens with what it had.
  await home.dossierLink('La Fabrique du Val d’Aubin (copie)').click();
  await expect(new EditorPage(page).name).toHaveValue('La Fabrique du Val d’Aubin (copie)');
});

test('a deletion not undone is gone after the next visit', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await createNamed(page, 'Éphémère');
  await home.action('Supprimer', 'Éphémère').click();
  await page.reload();
  await home.mounted();
  await expect(home.dossierLink('Éphémère')).toHaveCount(0);
  const trash = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fabrique.trash.')));
  expect(trash).toEqual([]);
});

test('export all, then import the file into another browser', async ({ page, browser }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.exampleChoice.selectOption({ index: 1 });
  await home.openExample.click();
  const verdict = await new EditorPage(page).verdict.textContent();
  await home.backHome();
  await createNamed(page, 'Projet <script>alert(1)</script> & co');

  const downloading = page.waitForEvent('download');
  await home.exportAll.click();
  const download = await downloading;
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('fabrique-export');
  expect(exported.dossiers.map((d) => d.name).sort()).toEqual(
    ['Numérique pour tous aux Bruyères', 'Projet <script>alert(1)</script> & co']);

  // Another browser, empty: the import brings both back, as new dossiers.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherHome = new HomePage(otherPage);
  await otherHome.goto();
  await otherHome.importFile.setInputFiles(file);
  await expect(otherPage.getByText('2 dossiers importés.')).toBeVisible();
  await expect(otherHome.dossierLink('Projet <script>alert(1)</script> & co')).toBeVisible();
  await otherHome.dossierLink('Numérique pour tous aux Bruyères').click();
  await expect(new EditorPage(otherPage).verdict).toHaveText(verdict);

  // Importing the same file again adds copies; it never overwrites.
  await otherHome.backHome();
  await otherHome.importFile.setInputFiles(file);
  await expect(otherHome.dossierLink('Numérique pour tous aux Bruyères')).toHaveCount(2);
  await other.close();
});

test('a file that is not an export is refused with the reason, and nothing changes', async ({ page }, testInfo) => {
  const home = new HomePage(page);
  await home.goto();
  const bad = testInfo.outputPath('pas-un-export.json');
  fs.writeFileSync(bad, '{"format": "autre chose", "version": 1, "dossiers": []}');
  await home.importFile.setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('Import impossible');
  await expect(page.getByText('Aucun dossier dans ce navigateur')).toBeVisible();
});

test('a long list opens with its first lines, then shows every dossier', async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('fabrique.index')) return;
    const ids = [];
    for (let i = 1; i <= 45; i++) {
      const id = i.toString(16).padStart(16, '0');
      localStorage.setItem(`fabrique.dossier.${id}`, JSON.stringify({ revision: 1, saved_at_ms: 1764400000000, dossier: { schema_version: 3, name: `Projet ${i}` } }));
      ids.push(id);
    }
    localStorage.setItem('fabrique.index', JSON.stringify(ids));
  });
  const home = new HomePage(page);
  await home.goto();
  await expect(page.locator('.dossier-table tbody > tr')).toHaveCount(45);
  await expect(home.dossierLink('Projet 1')).toBeVisible();
  // A line of the later ones works like any other.
  await home.action('Renommer', 'Projet 44').click();
  await page.getByLabel('Nouveau nom pour « Projet 44 »').fill('Projet quarante-quatre');
  await page.getByRole('button', { name: 'Valider le nom' }).click();
  await expect(home.dossierLink('Projet quarante-quatre')).toBeVisible();
  await expect(page.locator('.dossier-table tbody > tr')).toHaveCount(45);
});

test('an index that names a dossier twice shows it once', async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('fabrique.index')) return;
    const id = '00000000000000aa';
    localStorage.setItem(`fabrique.dossier.${id}`, JSON.stringify({ revision: 1, saved_at_ms: 1764400000000, dossier: { schema_version: 3, name: 'Projet en double' } }));
    localStorage.setItem('fabrique.index', JSON.stringify(Array(40).fill(id)));
  });
  const home = new HomePage(page);
  await home.goto();
  await expect(home.dossierLink('Projet en double')).toHaveCount(1);
  await expect(page.locator('.dossier-table tbody > tr')).toHaveCount(1);
});

test('an import keeps the dossiers it can read and names the one it cannot', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const file = {
    format: 'fabrique-export', version: 1,
    dossiers: [
      { schema_version: 6, name: 'Lisible' },
      { schema_version: 99, name: 'Du futur' },
    ],
  };
  await home.importFile.setInputFiles({
    name: 'sauvegarde.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  const notice = page.getByRole('alert').filter({ hasText: 'Non importé' });
  await expect(notice).toContainText('1 dossier importé.');
  await expect(notice).toContainText('Non importé : le dossier 2 « Du futur » : il vient d\'une version plus récente de Fabrique');
  await expect(home.dossierLink('Lisible')).toBeVisible();
  await expect(home.dossierLink('Du futur')).toHaveCount(0);
});
