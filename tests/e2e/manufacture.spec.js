// A Manufacture de proximité is evaluated on its own criteria: its call's eligibility
// (premises suited, a declared legal structure, a concrete HR strategy) blocks until met,
// and its workshop (machines, professionals, training, local firms) is scored. The action
// plan opens the section where each action is done.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('a Manufacture de proximité is filled through the forms and evaluated on its own criteria', async ({ page }) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  // A Fabrique's criteria, and no workshop section, until the call is chosen.
  await expect(page.getByTestId('score-gouvernance')).toBeVisible();
  await expect(page.getByRole('button', { name: /Atelier de production/ })).toHaveCount(0);
  await editor.field('Appel visé').selectOption({ label: 'Manufactures de proximité' });
  await expect(page.getByTestId('score-gouvernance')).toHaveCount(0);
  for (const slug of ['locaux', 'structure-juridique', 'strategie-rh', 'parc-machines', 'formation', 'entreprises-locales']) {
    await expect(page.getByTestId(`score-${slug}`)).toHaveText('0');
  }
  // Its eligibility blocks first, and the plan leads to the workshop's section.
  const plan = page.getByTestId('action-plan');
  await expect(plan.locator('li.blocking')).toHaveCount(3);
  await expect(plan.locator('li[data-id="bloquant.locaux"]')).toContainText('locaux adaptés');
  await plan.locator('li[data-id="bloquant.rh"]').getByTestId('action-section').click();
  await expect(page.locator('legend')).toHaveText('Atelier de production');

  await editor.field("Les locaux sont adaptés à l'activité de production").check();
  await editor.field('Stratégie RH : postes, calendrier de recrutement, formation').fill('Un technicien d\'atelier recruté en année 1, formé par les artisans du réseau.');
  for (const [index, machine] of [[1, 'Scie à format'], [2, 'Dégauchisseuse'], [3, 'Presse'], [4, 'Tour à bois'], [5, 'Défonceuse numérique']]) {
    await editor.add('Ajouter une machine');
    await editor.field(`Machine ${index}`).fill(machine);
  }
  await editor.field('Professionnels utilisant l\'atelier (artisans, TPE/PME)').fill('6');
  await editor.field('Sessions de formation par an').fill('4');
  await expect(page.getByTestId('score-parc-machines')).toHaveText('100');
  // 4 sessions a year: partly met (12 expected).
  await expect(page.getByTestId('score-formation')).toHaveText('50');
  await expect(page.getByTestId('score-locaux')).not.toHaveText('0');
  // Premises and HR strategy given: only the legal structure still blocks.
  await expect(plan.locator('li.blocking')).toHaveCount(1);
  await expect(plan.locator('li[data-id="bloquant.structure"]')).toBeVisible();
  await editor.openSection('Identité et territoire');
  await editor.field('Type de porteur').selectOption({ label: 'Association' });
  await editor.field('Structure juridique').selectOption({ label: 'Déclarée ou immatriculée' });
  await expect(plan.locator('li.blocking')).toHaveCount(0);
  await expect(page.getByTestId('score-structure-juridique')).not.toHaveText('0');
});
