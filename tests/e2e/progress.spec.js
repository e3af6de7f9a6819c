// A holder's progress: one point a day the evaluation changed, drawn in the editor and in
// the full report, kept in the export file, never in a share link. The clock is the test's.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');
const { seriousViolations } = require('./pages/axe');

test('two days of edits make two points, in the editor, the full report and the file', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-02T10:00:00'));
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Suivi du projet');
  await editor.saved();
  const points = page.getByTestId('progress-point');
  // One day: a point, and no line drawn yet.
  await expect(points).toHaveCount(1);
  await expect(page.getByTestId('progress').locator('svg')).toBeHidden();
  await expect(page.getByTestId('progress-text')).toHaveText('Un seul jour pour l\'instant : la courbe commence.');
  const first = await editor.weightedScore.textContent();

  // Three weeks later, the same dossier: the first day is kept, today's edit adds a point.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await page.reload();
  await expect(editor.name).toHaveValue('Suivi du projet');
  await expect(points).toHaveCount(1);
  await editor.openSection('Gouvernance');
  await editor.expectRise('gouvernance', () =>
    page.getByLabel('Le collectif a des statuts ou une charte qui disent qui décide de quoi').check());
  await editor.saved();
  await expect(points).toHaveCount(2);
  await expect(page.getByTestId('progress').locator('svg')).toBeVisible();
  expect(await seriousViolations(page), 'the editor with its progress').toEqual([]);
  const last = await editor.weightedScore.textContent();
  await expect(page.getByTestId('progress-text')).toHaveText(`${first} → ${last} en 3 semaines`);
  await expect(page.getByTestId('progress').locator('svg'))
    .toHaveAttribute('aria-label', `Score pondéré par jour : 02/11/2026 : ${first} ; 23/11/2026 : ${last}`);

  // After a reload, from storage alone.
  await page.reload();
  await expect(points).toHaveCount(2);

  await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
  await page.getByRole('button', { name: 'Voir le rapport complet' }).click();
  const progress = page.locator('.report-progress');
  await expect(progress.getByTestId('progress-point')).toHaveCount(2);
  await expect(progress.getByTestId('progress-text')).toHaveText(`${first} → ${last} en 3 semaines`);
  expect(await seriousViolations(page), 'the full report with its progress').toEqual([]);
  await page.getByRole('button', { name: 'Retour au dossier' }).click();

  // The file carries the history; the share link does not.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter ce dossier (JSON)' }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8'));
  expect(exported.history.map((p) => p.s)).toEqual([Number(first), Number(last)]);
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  await page.goto(link);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  await expect(page.getByTestId('progress')).toHaveCount(0);
});
