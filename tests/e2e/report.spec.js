// Reports: a two-page summary and a full report that print cleanly to A4, and the same
// content as Markdown, with the budget and the funding plan as CSV.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { openExample, pdfPages: pageCount } = require('./pages/app');

const levels = ['gouvernance', 'partenariats', 'besoin-territorial', 'services-numeriques', 'modele-economique', 'poste-etp'];

async function openReport(page, exampleIndex) {
  const { name, verdict } = await openExample(page, exampleIndex);
  await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
  await expect(page.getByTestId('report')).toBeVisible();
  return { name, verdict };
}

async function reportShows(page, name, verdict) {
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('report-verdict')).toHaveText(verdict);
  const shown = {};
  for (const criterion of levels) {
    shown[criterion] = await page.getByTestId(`report-level-${criterion}`).textContent();
    expect(shown[criterion]).toMatch(/non démontré|fragile|solide|exemplaire/);
  }
  return shown;
}

for (const index of [0, 1, 2]) {
  test(`example ${index + 1}: the summary prints on at most two A4 pages, the full report prints`, async ({ page }) => {
    const { name, verdict } = await openReport(page, index);
    await reportShows(page, name, verdict);
    await page.emulateMedia({ media: 'print' });
    const summary = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pageCount(summary)).toBeGreaterThanOrEqual(1);
    expect(pageCount(summary)).toBeLessThanOrEqual(2);
    await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Voir le rapport complet' }).click();
    await expect(page.getByText('Rapport complet', { exact: false }).first()).toBeVisible();
    await reportShows(page, name, verdict);
    await expect(page.getByRole('heading', { name: 'Détail des indicateurs' })).toBeVisible();
    const full = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pageCount(full)).toBeGreaterThan(pageCount(summary));
  });
}

test('the Manufacture example reports its own six criteria, its workshop zone and who funds its post', async ({ page }) => {
  const { name, verdict } = await openReport(page, 3);
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('report-verdict')).toHaveText(verdict);
  for (const criterion of ['locaux', 'structure-juridique', 'strategie-rh', 'parc-machines', 'formation', 'entreprises-locales']) {
    await expect(page.getByTestId(`report-level-${criterion}`)).toHaveText(/non démontré|fragile|solide|exemplaire/);
  }
  await expect(page.getByTestId('report-level-gouvernance')).toHaveCount(0);
  await expect(report).toContainText('zone France Ruralités Revitalisation');
  await page.getByRole('button', { name: 'Voir le rapport complet' }).click();
  await expect(report.locator('.report-staff')).toContainText("Technicien d'atelier (1,00\u00a0ETP) — année 1 : Communauté de communes (acquis), Recettes de l'atelier (envisagé)");
  // Each rule's source says what kind of source it is.
  await expect(report.locator('.report-indicators')).toContainText('(fait du programme)');
  await expect(report.locator('.report-indicators')).toContainText('(choix de Fabrique)');
});

test('the Markdown and CSV downloads contain what the report shows', async ({ page }) => {
  const { name, verdict } = await openReport(page, 0);
  const shown = await reportShows(page, name, verdict);

  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger en Markdown' }).click();
  const markdown = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(markdown).toContain(`# ${name}`);
  expect(markdown).toContain(`Verdict : ${verdict}`);
  expect(markdown).toContain("Auto-évaluation établie par Fabrique, avec le poids de chaque critère : ni l'avis de l'ANCT");
  for (const level of Object.values(shown)) expect(markdown).toContain(level);
  const firstAction = await page.locator('.report-actions li').first().textContent();
  expect(markdown).toContain(firstAction.replace(/([\\`*_[\]<>#|!])/g, '\\$1'));

  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Budget (CSV)' }).click();
  const budget = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(budget.charCodeAt(0)).toBe(0xfeff);
  expect(budget).toContain('Type;Nature;Libellé;Année 1;Année 2;Année 3;Année 4');
  expect(budget).toContain('Recette;Recettes propres;Coworking;30000,00;38000,00;45000,00;52000,00');
  expect(budget).toContain('Charge;Personnel;Salaires;72000,00;74000,00;76000,00;76000,00');

  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plan de financement (CSV)' }).click();
  const funding = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(funding).toContain('Rénovation de la grange;La commune;200000,00;DETR;80000,00');
});
