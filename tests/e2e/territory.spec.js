// The territory from the official data: find the commune, fill its population, EPCI and
// zone; the DETR band and the overseas exception follow; offline, what was looked up once
// is found again, and with nothing kept the fields stay editable with a message.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

async function newDossier(page) {
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await expect(editor.name).toBeVisible();
  return editor;
}

async function lookUp(page, text) {
  await page.getByLabel('Trouver la commune (nom, code postal ou code INSEE)').fill(text);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
}

test('"st flour" finds Saint-Flour (Cantal), which fills its population, EPCI and DETR band; offline it is found again', async ({ page, context }) => {
  test.setTimeout(120_000);
  const editor = await newDossier(page);
  await controlled(page);
  await lookUp(page, 'st flour');
  const results = page.getByRole('list', { name: 'Communes trouvées' });
  // Homonyms come with their département.
  await expect(results.getByRole('button', { name: 'Saint-Flour — Cantal (15)' })).toBeVisible();
  await results.getByRole('button', { name: 'Saint-Flour — Cantal (15)' }).click();
  await expect(page.getByTestId('territory-status')).toContainText('Territoire rempli : Saint-Flour (Cantal (15))');
  await expect(editor.field('Commune')).toHaveValue('Saint-Flour');
  await expect(editor.field('Population de la commune (population DGF)')).toHaveValue('6391');
  await expect(editor.field('EPCI (intercommunalité)')).toHaveValue('CC de Saint-Flour');
  await expect(editor.field("Population de l'EPCI")).toHaveValue('24190');
  await expect(page.getByTestId('territory-official')).toContainText('INSEE 15187');
  await expect(page.getByTestId('territory-official')).toContainText('découpage 2026');
  const notes = page.getByTestId('territory-notes');
  await expect(notes).toContainText('DETR, commune : 6\u202f391 habitants, entre 2\u202f001 et 20\u202f000');
  await expect(notes).toContainText('DETR, EPCI : 24\u202f190 habitants, au plus 75\u202f000 — éligible sur sa seule population');
  // Every field stays editable.
  await editor.field('Population de la commune (population DGF)').fill('6400');
  await expect(notes).toContainText('6\u202f400 habitants');
  // The report cites the data and its vintage.
  await editor.saved();
  await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
  await expect(page.getByTestId('report-territory-source')).toContainText('Saint-Flour (INSEE 15187), Cantal (15), Auvergne-Rhône-Alpes. Données officielles');
  await expect(page.getByTestId('report-territory-source')).toContainText('découpage 2026');
  await page.goBack();
  await expect(editor.name).toBeVisible();

  // Offline, the files fetched once are kept by the service worker.
  await context.setOffline(true);
  await lookUp(page, 'st flour');
  await expect(page.getByRole('button', { name: 'Saint-Flour — Cantal (15)' })).toBeVisible();
  await context.setOffline(false);
});

test('a commune typed by hand is never replaced without asking: old → new, and "keep mine" keeps it', async ({ page }) => {
  const editor = await newDossier(page);
  await editor.field('Population de la commune (population DGF)').fill('6500');
  await lookUp(page, '15187');
  await page.getByRole('button', { name: 'Saint-Flour — Cantal (15)' }).click();
  const ask = page.getByRole('group', { name: 'Remplacer vos valeurs ?' });
  await expect(ask).toContainText('Population de la commune : 6\u202f500 → 6\u202f391');
  // Nothing is written before the answer.
  await expect(editor.field('Population de la commune (population DGF)')).toHaveValue('6500');
  await expect(editor.field('EPCI (intercommunalité)')).toHaveValue('');
  await ask.getByRole('button', { name: 'Garder mes valeurs (ne remplir que les champs vides)' }).click();
  await expect(editor.field('Population de la commune (population DGF)')).toHaveValue('6500');
  await expect(editor.field('EPCI (intercommunalité)')).toHaveValue('CC de Saint-Flour');
  // Asked again, "replace" takes the official figure.
  await lookUp(page, '15187');
  await page.getByRole('button', { name: 'Saint-Flour — Cantal (15)' }).click();
  await page.getByRole('button', { name: 'Remplacer par les données officielles' }).click();
  await expect(editor.field('Population de la commune (population DGF)')).toHaveValue('6391');
});

test("a commune of Guadeloupe sets the zone, and the 20 % rule's overseas exception follows", async ({ page }) => {
  const editor = await newDossier(page);
  await lookUp(page, '97110');
  await page.getByRole('button', { name: 'Pointe-à-Pitre — Guadeloupe (971)' }).click();
  await expect(editor.field('Région')).toHaveValue('1');
  await expect(page.getByTestId('territory-notes')).toContainText('Outre-mer : la règle de 20 % de part propre du maître d\'ouvrage public (CGCT art. L1111-10) ne s\'applique pas');
  // DROM thresholds for DETR: 15,040 inhabitants is between 3,501 and 35,000.
  await expect(page.getByTestId('territory-notes')).toContainText('entre 3\u202f501 et 35\u202f000');
  await editor.openSection('Investissement');
  await editor.add('Ajouter un investissement');
  await editor.field("Coût (€) de l'investissement 1").fill('100000');
  await editor.field("Maître d'ouvrage de l'investissement 1").selectOption({ label: 'La commune' });
  await editor.add('Ajouter un financeur');
  await editor.field('Financeur 1.1').selectOption({ label: 'DETR' });
  await editor.field('Montant demandé (€) 1.1').fill('100000');
  await expect(page.getByTestId('ceiling')).toContainText('la règle ne s\'applique pas aux collectivités de Guadeloupe');
});

test('with no network and nothing kept, the search says so and the fields stay editable', async ({ page, context }) => {
  const editor = await newDossier(page);
  await controlled(page);
  await context.setOffline(true);
  await lookUp(page, 'st flour');
  await expect(page.getByTestId('territory-status')).toContainText('Recherche impossible : pas de réseau');
  await editor.field('Commune').fill('Saint-Flour');
  await editor.field('Population de la commune (population DGF)').fill('6391');
  await expect(editor.field('Commune')).toHaveValue('Saint-Flour');
  await expect(page.getByTestId('territory-notes')).toContainText('6\u202f391 habitants');
  await context.setOffline(false);
});
