// axe-core on every screen: no serious or critical violation (RGAA / WCAG 2.1 AA).
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage, partnerReplies } = require('./pages/app');
const { seriousViolations } = require('./pages/axe');

test('the home screen, empty and with dossiers', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  expect(await seriousViolations(page)).toEqual([]);
  await home.openExample.click();
  await expect(new EditorPage(page).verdict).toBeVisible();
  await home.backHome();
  expect(await seriousViolations(page)).toEqual([]);
});

test('every section of the editor, with the evaluation open', async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await home.exampleChoice.selectOption({ index: 2 });
  await home.openExample.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toBeVisible();
  await page.locator('.criterion summary').first().click();
  for (const section of ['Identité et territoire', 'Gouvernance', 'Partenaires', 'Besoin territorial',
    'Services numériques', 'Modèle économique', 'Budget sur 4 ans', 'Équipe et postes',
    'Rôle de la collectivité', 'Investissement']) {
    await editor.openSection(section);
    expect(await seriousViolations(page), section).toEqual([]);
  }
});

test('the settings screen, in both languages', async ({ page }) => {
  await page.goto('./?page=reglages');
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Langue de l'application").selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an error screen', async ({ page }) => {
  await page.goto('./?dossier=00000000000000ee');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the share panel, a received snapshot and the reports', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  await expect(new EditorPage(page).verdict).toBeVisible();
  await page.getByRole('button', { name: 'Partager' }).click();
  expect(await seriousViolations(page), 'share panel').toEqual([]);
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

  await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
  await expect(page.getByTestId('report')).toBeVisible();
  expect(await seriousViolations(page), 'summary report').toEqual([]);
  await page.getByRole('button', { name: 'Voir le rapport complet' }).click();
  await expect(page.getByRole('heading', { name: 'Détail des indicateurs' })).toBeVisible();
  expect(await seriousViolations(page), 'full report').toEqual([]);
  await page.getByRole('button', { name: 'Voir le dossier de présentation' }).click();
  await expect(page.getByTestId('presentation-budget')).toBeVisible();
  expect(await seriousViolations(page), 'presentation').toEqual([]);
  // On paper too: the print layout is what a jury reads.
  await page.emulateMedia({ media: 'print' });
  expect(await seriousViolations(page), 'presentation, print').toEqual([]);
  await page.emulateMedia({ media: 'screen' });

  await page.goto(link);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  expect(await seriousViolations(page), 'snapshot').toEqual([]);
  // A partner's review form, its reply link, and the holder's view of the reply.
  await page.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await page.getByLabel('Votre organisation (obligatoire)').fill('Association des usagers');
  await page.getByLabel('Nous fournirons une lettre de soutien').check();
  await page.getByLabel('Partenaires', { exact: true }).fill('Un lieu attendu.');
  await page.getByRole('button', { name: 'Créer le lien de réponse' }).click();
  const reply = await page.getByLabel('Lien de réponse à envoyer au porteur du projet').inputValue();
  expect(await seriousViolations(page), 'review form').toEqual([]);
  await page.goto(reply);
  await expect(page.getByTestId('merge-preview')).toBeVisible();
  expect(await seriousViolations(page), 'reply').toEqual([]);
  await page.getByRole('button', { name: "Intégrer l'avis au dossier" }).click();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await new EditorPage(page).openSection('Partenaires');
  await expect(page.getByTestId('received-reviews')).toBeVisible();
  expect(await seriousViolations(page), 'reviews received').toEqual([]);
  await page.goto(`${link.split('#')[0]}#d1-abimé`);
  await expect(page.getByTestId('link-error')).toBeVisible();
  expect(await seriousViolations(page), 'damaged link').toEqual([]);
});

test('a dossier too long for a link, and the old → new of a reply for a known partner', async ({ page, browser }) => {
  const home = new HomePage(page);
  await home.goto();
  // Notes too long for a link: letters drawn by a small generator, as incompressible as prose.
  let seed = 7;
  const long = Array.from({ length: 13000 }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return i % 7 === 6 ? ' ' : 'abcdefghijklmnopqrstuvwxyzéèàç'[(seed >>> 16) % 30];
  }).join('');
  const dossiers = [
    { schema_version: 6, name: 'Trop long', notes: { need: long } },
    { schema_version: 6, name: 'Partagé', partners: [{ name: 'Mairie de Saint-Martin', category: 'business', financial_amount: 5000000 }] },
  ];
  await home.importFile.setInputFiles({
    name: 'deux.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'fabrique-export', version: 1, dossiers })),
  });
  await expect(page.getByText('2 dossiers importés.')).toBeVisible();
  await home.dossierLink('Trop long').click();
  await page.getByRole('button', { name: 'Partager' }).click();
  await expect(page.getByTestId('link-refused')).toBeVisible();
  expect(await seriousViolations(page), 'link refused').toEqual([]);

  await home.goto();
  await home.dossierLink('Partagé').click();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  const partner = await browser.newContext();
  const reply = await partnerReplies(await partner.newPage(), link, {
    organisation: 'Mairie de Saint-Martin', category: 'Collectivité', amount: '20 000',
  });
  await partner.close();
  await page.goto(reply);
  await expect(page.getByTestId('merge-changes')).toBeVisible();
  expect(await seriousViolations(page), 'merge preview').toEqual([]);
});
