// Sharing: a snapshot link opens anywhere, read-only with the same evaluation; it can be
// imported or compared; a mangled link says what is wrong and touches nothing.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

async function sharedExample(page) {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toBeVisible();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  return { home, editor, link };
}

async function scores(editor) {
  const result = {};
  for (const criterion of ['gouvernance', 'partenariats', 'besoin-territorial', 'services-numeriques', 'modele-economique', 'poste-etp']) {
    result[criterion] = await editor.score(criterion).textContent();
  }
  return { verdict: await editor.verdict.textContent(), weighted: await editor.weightedScore.textContent(), ...result };
}

test('a shared dossier opens in a fresh browser with the same evaluation, and can be imported', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { editor, link } = await sharedExample(page);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.getByText('Lien copié.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/#d6-[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('link-length')).toContainText(`${link.length} caractères`);
  await expect(page.getByText('Ce lien contient toutes les données du dossier')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Code QR du lien de partage' })).toBeVisible();
  const sent = await scores(editor);

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await partnerPage.goto(link);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  const received = new EditorPage(partnerPage);
  expect(await scores(received)).toEqual(sent);
  await expect(received.name).toBeDisabled();
  expect(await partnerPage.evaluate(() => localStorage.getItem('fabrique.index'))).toBeNull();

  // The snapshot's report, for the partner's own records.
  await partnerPage.getByRole('button', { name: 'Auto-évaluation (synthèse)' }).click();
  await expect(partnerPage.getByTestId('report-verdict')).toHaveText(sent.verdict);
  await expect(partnerPage.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText('La Grange numérique');
  await partnerPage.getByRole('button', { name: 'Dossier et évaluation' }).click();

  await partnerPage.getByRole('button', { name: 'Importer comme nouveau dossier' }).click();
  await expect(received.name).toBeEnabled();
  await expect(received.name).toHaveValue('La Grange numérique');
  const partnerHome = new HomePage(partnerPage);
  await partnerHome.backHome();
  await expect(partnerHome.dossierLink('La Grange numérique')).toBeVisible();
  await partner.close();
});

test('the open share panel gives the version last saved, made again at each save', async ({ page, browser }) => {
  const { editor, link } = await sharedExample(page);
  const shareLink = page.getByLabel('Lien de partage', { exact: true });
  await editor.name.fill('La Grange numérique (v2)');
  await editor.saved();
  await expect(shareLink).not.toHaveValue(link);
  const after = await shareLink.inputValue();
  await expect(page.getByTestId('link-length')).toContainText(`${after.length} caractères`);

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await partnerPage.goto(after);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  await expect(new EditorPage(partnerPage).name).toHaveValue('La Grange numérique (v2)');
  await partner.close();
});

test('a link is compared with the local dossier after an edit', async ({ page }) => {
  const { editor, link } = await sharedExample(page);
  await editor.name.fill('La Grange numérique (v2)');
  await editor.openSection('Partenaires');
  await editor.field('Lettre de soutien du partenaire 3').uncheck();
  await editor.saved();

  await page.goto(link);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  await page.getByText('Comparer avec un de mes dossiers').click();
  await page.getByLabel('Mon dossier à comparer').selectOption({ label: 'La Grange numérique (v2)' });
  const differences = page.getByTestId('differences');
  await expect(differences).toContainText('La Grange numérique (v2)');
  await expect(differences).toContainText('partners › 3 › letter_of_support');
  await expect(page.getByTestId('score-changes')).toContainText('Gouvernance : 100 → 100 (+0)');
});

test('a mangled link says what is wrong and leaves local dossiers intact', async ({ page }) => {
  const { home, link } = await sharedExample(page);
  await home.backHome();
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const token = link.split('#')[1];
  const base = link.split('#')[0];
  const cases = [
    [`${base}#${token.slice(0, Math.floor(token.length / 2))}`, 'incomplet'],
    [`${base}#d1-${'%%%%'}${token.slice(3)}`, 'abîmé'],
    // One character changed on the way: refused (the checksum or the decompression says so).
    [`${base}#${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`, 'abîmé'],
    [`${base}#d9-${token.slice(3)}`, 'version plus récente'],
    [`${base}#bonjour`, "n'est pas un lien de partage"],
  ];
  for (const [mangled, message] of cases) {
    await page.goto(mangled);
    await expect(page.getByTestId('link-error')).toContainText(message);
    await expect(page.getByText("Vos dossiers n'ont pas été modifiés.")).toBeVisible();
  }
  // A fragment a mail filter encoded again still opens.
  await page.goto(`${base}?%23${token}`);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  await page.goto(`${base}?s=${token}`);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

// Text that compresses about as poorly as long real notes: words of letters drawn by a
// small generator, the same at every run.
function prose(characters) {
  const letters = 'abcdefghijklmnopqrstuvwxyzéèàçêô';
  let seed = 12345;
  const next = (below) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed >>> 16) % below;
  };
  let text = '';
  while (text.length < characters) {
    const length = 2 + next(8);
    for (let i = 0; i < length; i++) text += letters[next(letters.length)];
    text += ' ';
  }
  return text.slice(0, characters);
}

test('a dossier too long for a link gets no link: the panel says why and offers the file', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const notes = prose(13000);
  const dossier = { schema_version: 6, name: 'Notes très longues', notes: { need: notes, budget: 'Court.' } };
  await home.importFile.setInputFiles({
    name: 'long.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'fabrique-export', version: 1, dossiers: [dossier] })),
  });
  await expect(page.getByText('1 dossier importé.')).toBeVisible();
  await home.dossierLink('Notes très longues').click();
  await page.getByRole('button', { name: 'Partager' }).click();
  const refused = page.getByTestId('link-refused');
  await expect(refused).toContainText('Ce dossier est trop long pour tenir dans un lien');
  await expect(refused).toContainText('au plus 8000');
  // The heaviest part is named first: the need's note, with its length.
  await expect(refused.getByRole('listitem').first()).toHaveText('Note de la section « Besoin territorial » : 13000 caractères');
  // No link to copy, no QR code.
  await expect(page.getByLabel('Lien de partage', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copier le lien' })).toHaveCount(0);
  // The way out: the file, which holds the whole dossier.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    refused.getByRole('button', { name: 'Exporter le dossier en fichier' }).click(),
  ]);
  const exported = JSON.parse(require('fs').readFileSync(await file.path(), 'utf8'));
  expect(exported.notes.need).toBe(notes);

  // Shortened, it makes a link again, and that link opens.
  const editor = new EditorPage(page);
  await editor.openSection('Besoin territorial');
  await editor.field('Notes sur cette section').fill(notes.slice(0, 2000));
  await editor.saved();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  await expect(refused).toHaveCount(0);
  await page.goto(link);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
});

test('a browser that cannot compress makes no link: the panel says so and offers the file', async ({ page }) => {
  // Browsers before 2023 have no Compression Streams, which make the links (#20).
  await page.addInitScript(() => { delete window.CompressionStream; });
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  await expect(new EditorPage(page).verdict).toBeVisible();
  await page.getByRole('button', { name: 'Partager' }).click();
  const refused = page.getByTestId('link-refused');
  await expect(refused).toContainText("Ce navigateur n'a pas pu préparer le lien");
  // Not a dossier too long: nothing of it is named as too heavy.
  await expect(refused.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByLabel('Lien de partage', { exact: true })).toHaveCount(0);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    refused.getByRole('button', { name: 'Exporter le dossier en fichier' }).click(),
  ]);
  const exported = JSON.parse(require('fs').readFileSync(await file.path(), 'utf8'));
  expect(exported.name).toBe('La Grange numérique');
});
