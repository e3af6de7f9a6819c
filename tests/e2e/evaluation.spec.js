// Choices shown where they are made, and an action plan a programme officer would give:
// "no tension" counts only with how it was checked; a holder commune's automatic support
// is said in its section and its indicator; the spaces' rents go to the budget when asked
// (a line added, none changed); each action leads to its section and names its step;
// an open place is told to count its attendance, not to test its offer.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('choices are shown where they are made, and the plan leads to the sections', async ({ page }) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  const plan = page.getByTestId('action-plan');
  await page.getByRole('button', { name: /Voir tout le plan/ }).click();

  // "No tension found" alone is not an answer; with how it was checked, it is.
  await editor.openSection('Besoin territorial');
  const tensions = plan.locator('li[data-id="besoin.tensions"]');
  await editor.field("Nous avons cherché les tensions possibles et n'en avons pas trouvé").check();
  await expect(tensions).toBeVisible();
  await editor.expectRise('besoin-territorial', () =>
    editor.field("Comment l'avez-vous vérifié ? (une phrase, sans elle la réponse ne compte pas)").fill('Réunion avec les deux cafés associatifs du bourg.'));
  await expect(tensions).toHaveCount(0);
  // Public meetings and their attendance count as consultations.
  await editor.add('Ajouter des consultations');
  await editor.field('Acteurs consultés 1').selectOption({ label: 'Habitants' });
  await editor.field('Forme de la consultation 1').selectOption({ label: 'Réunions publiques' });
  await editor.field('Participants aux réunions publiques 1').fill('400');
  await editor.expectRise('besoin-territorial', () => editor.field("Nombre d'entretiens ou de réunions 1").fill('6'));

  // The action quotes the figure and the target, names its step, and opens its section.
  const interviews = plan.locator('li[data-id="besoin.entretiens"]');
  await expect(interviews).toContainText('6 entretiens ou réunions tenus, pour un objectif de 15, soit 9 de plus');
  await page.getByTestId('score-besoin-territorial').click();
  await expect(page.locator('.indicator', { hasText: 'Acteurs rencontrés' })).toContainText('dont 6 en réunion publique, 400 participants');
  await expect(interviews).toContainText("étape 1 de l'article source");
  const hours = plan.locator('li[data-id="services.heures"]');
  // Not yet open: it is told to plan its hours, not to open more.
  await expect(hours).toContainText('Prévoir au moins 30 heures de services par semaine');
  await hours.getByTestId('action-section').click();
  await expect(page.locator('legend')).toHaveText('Services numériques');

  // A holder commune: Fabrique counts its support, and says so in both places.
  await editor.openSection('Identité et territoire');
  await editor.field('Type de porteur').selectOption({ label: 'Collectivité (commune, EPCI…)' });
  await editor.openSection('Rôle de la collectivité');
  await expect(page.getByTestId('holder-collectivite-choice')).toContainText('choix de Fabrique');
  await page.getByTestId('score-partenariats').click();
  await expect(page.locator('.indicator', { hasText: 'Soutien de la collectivité' })).toContainText('Fabrique la compte comme engagée');

  // The rents of the spaces go to the budget when asked, as a line of their own.
  await editor.openSection('Modèle économique');
  await editor.add('Ajouter un espace');
  await editor.field("Nom de l'espace 1").fill('Salle de réunion');
  await editor.field("Loyer annuel (€) de l'espace 1").fill('4000');
  await expect(page.getByTestId('rentals')).toContainText('4\u202f000,00\u00a0€');
  await page.getByTestId('rentals-to-budget').click();
  await expect(page.getByTestId('rentals')).toContainText('Ils sont au budget');
  await editor.openSection('Budget sur 4 ans');
  await expect(editor.field('Libellé de la recette (activité ou financeur) 1')).toHaveValue("Locations d'espaces");
  await expect(editor.field('Recette 1 — année 4')).toHaveValue('4000');
  // An empty year after the grant is not balanced: it says so.
  await expect(page.getByTestId('year4-balance')).toHaveText('non renseigné');

  // An open place: its attendance is the test of its offer.
  await editor.openSection('Identité et territoire');
  await editor.field('Le lieu est déjà ouvert').check();
  const test_ = plan.locator('li[data-id="besoin.offre_testee"]');
  await expect(test_).toContainText('Compter la fréquentation du lieu');
  await editor.openSection('Besoin territorial');
  await editor.field('Personnes accueillies sur la dernière année').fill('2400');
  await expect(test_).toHaveCount(0);
});
