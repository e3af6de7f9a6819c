// The core's four example dossiers, imported through the UI, show the verdicts that the
// command line gives for the same files.
const path = require('path');
const { execFileSync } = require('child_process');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

const fixtures = path.join(__dirname, '..', '..', 'crates', 'core', 'tests', 'fixtures');
const verdictWords = { pret_a_deposer: 'prêt à déposer', a_consolider: 'à consolider', pas_encore_pret: 'pas encore prêt' };

function cliEvaluation(file) {
  const output = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'fabrique-cli', '--', 'eval', file, '--format', 'json'], {
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

for (const [file, name] of [
  ['strong-rural-hub.json', 'La Grange numérique'],
  ['fragile-qpv-digital.json', 'Numérique pour tous aux Bruyères'],
  ['ineligible-town-led.json', "Tiers-lieu de l'Hôtel de ville"],
  ['manufacture-reemploi.json', "L'Atelier du Réemploi"],
]) {
  test(`${file} shows the same verdict as fabrique eval`, async ({ page }) => {
    test.setTimeout(180_000);
    const expected = cliEvaluation(path.join(fixtures, file));
    const home = new HomePage(page);
    await home.goto();
    await home.importFile.setInputFiles(path.join(fixtures, file));
    await expect(page.getByText('1 dossier importé.')).toBeVisible();
    await home.dossierLink(name).click();
    const editor = new EditorPage(page);
    await expect(editor.verdict).toHaveText(verdictWords[expected.verdict]);
    await expect(editor.weightedScore).toHaveText(String(expected.weighted_score));
    for (const criterion of expected.criteria) {
      const slug = criterion.id.replace(/_/g, '-');
      await expect(editor.score(slug)).toHaveText(String(criterion.score));
    }
  });
}
