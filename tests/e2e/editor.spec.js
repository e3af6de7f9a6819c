// Filling a dossier over every section: each answer moves the evaluation, and a reload
// keeps everything.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('the app opens in French and explains itself', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('Rien ne quitte votre navigateur')).toBeVisible();
  await expect(home.newDossier).toBeVisible();
});

test('every section is filled, scores move, and a reload keeps everything', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toHaveText('pas encore prêt');
  await expect(editor.weightedScore).toHaveText('0');

  // Identity and territory: a rural place is one of the programme's priorities.
  await editor.name.fill('Le Moulin partagé');
  await editor.field('Type de porteur').selectOption({ label: 'Association' });
  await editor.field('Structure juridique').selectOption({ label: 'Déclarée ou immatriculée' });
  await editor.field('Commune').fill('Saint-Aubin');
  await editor.field('Population de la commune (population DGF)').fill('1200');
  await editor.expectRise('besoin-territorial', () =>
    editor.field('Type de territoire').selectOption({ label: 'Rural' }));

  await editor.openSection('Gouvernance');
  await editor.expectRise('gouvernance', () =>
    editor.field('Le collectif a des statuts ou une charte qui disent qui décide de quoi').check());
  await editor.expectRise('gouvernance', () =>
    editor.field("Réunions de l'instance de décision par an").fill('4'));
  await editor.expectRise('gouvernance', () =>
    editor.field('Qui anime le lieu au quotidien ? (personne ou équipe)').fill('Léa Martin'));
  await editor.add('Ajouter un membre');
  await editor.field('Nom du membre 1').fill('Karim');

  await editor.openSection('Partenaires');
  await editor.add('Ajouter un partenaire');
  await editor.field('Nom du partenaire 1').fill('Mission locale');
  await editor.field('Catégorie du partenaire 1').selectOption({ label: 'Emploi, insertion' });
  await editor.expectRise('partenariats', () => editor.field('Lettre de soutien du partenaire 1').check());

  await editor.openSection('Besoin territorial');
  await editor.add('Ajouter des consultations');
  await editor.field('Acteurs consultés 1').selectOption({ label: 'Entreprises' });
  await editor.expectRise('besoin-territorial', () => editor.field("Nombre d'entretiens ou de réunions 1").fill('8'));
  await editor.add('Ajouter un réseau');
  await editor.expectRise('besoin-territorial', () => editor.field('Réseau 1').fill('Réseau régional des tiers-lieux'));

  await editor.openSection('Services numériques');
  await editor.add('Ajouter un service');
  await editor.expectRise('services-numeriques', () =>
    editor.field('Service 1').selectOption({ label: 'Médiation numérique' }));
  await editor.expectRise('services-numeriques', () => editor.field('Heures par semaine du service 1').fill('12'));

  await editor.openSection('Modèle économique');
  await editor.add('Ajouter un tarif');
  await editor.expectRise('modele-economique', () => editor.field('Public du tarif 1').fill('Jeunes'));
  await editor.field('Prix (€) du tarif 1').fill('5,50');

  await editor.openSection('Budget sur 4 ans');
  await editor.add('Ajouter une recette');
  // Own revenue only, so far: its share is 100 %.
  await editor.expectRise('modele-economique', () => editor.field('Recette 1 — année 1').fill('12 000'));
  await editor.add('Ajouter une charge');
  await editor.field('Charge 1 — année 1').fill('10 000');
  await expect(page.getByTestId('own-revenue-share')).toContainText('100');
  // A typing slip is said, and not written.
  await editor.field('Charge 1 — année 2').fill('dix mille');
  await expect(page.getByText('Un montant en euros, par exemple 1 234,50.')).toBeVisible();

  await editor.openSection('Équipe et postes');
  await editor.add('Ajouter un poste');
  await editor.field('Intitulé du poste 1').fill('Animatrice');
  await editor.field('ETP du poste 1').fill('1');
  for (const year of [1, 2, 3]) {
    await editor.add(`Ajouter un financeur — poste 1, année ${year}`);
  }
  await editor.field('Financeur 1 — poste 1, année 1').fill('AMI');
  await editor.field('Financeur 1 — poste 1, année 2').fill('AMI');
  await editor.expectRise('poste-etp', () => editor.field('Financeur 1 — poste 1, année 3').fill('AMI'));
  // The call's own grant cannot be granted before selection: it counts as assured.
  await editor.field("C'est la subvention demandée à l'appel, financeur 1 — poste 1, année 1").check();
  await editor.field("C'est la subvention demandée à l'appel, financeur 1 — poste 1, année 2").check();
  await editor.expectRise('poste-etp', () => editor.field("C'est la subvention demandée à l'appel, financeur 1 — poste 1, année 3").check());

  await editor.openSection('Rôle de la collectivité');
  await editor.expectRise('partenariats', () =>
    editor.field('Elle met des locaux communaux à disposition').check());

  await editor.openSection('Investissement');
  await expect(page.getByTestId('ceiling')).toContainText('sans objet');
  await editor.add('Ajouter un investissement');
  await editor.field('Investissement 1').fill('Rénovation');
  await editor.field("Maître d'ouvrage de l'investissement 1").selectOption({ label: 'La commune' });
  await editor.add('Ajouter un financeur');
  await editor.field('Financeur 1.1').selectOption({ label: 'DETR' });
  await editor.field('Montant demandé (€) 1.1').fill('90000');
  await expect(page.getByTestId('ceiling')).toContainText('DÉPASSÉ');
  await editor.field('Notes sur cette section').fill('Devis en cours.');

  const scoreBefore = await editor.weightedScore.textContent();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Investissement' })).toBeVisible();
  await expect(editor.field('Montant demandé (€) 1.1')).toHaveValue('90000');
  await expect(editor.field('Notes sur cette section')).toHaveValue('Devis en cours.');
  await expect(editor.weightedScore).toHaveText(scoreBefore);
  await editor.openSection('Identité et territoire');
  await expect(editor.name).toHaveValue('Le Moulin partagé');
  await expect(editor.field('Type de territoire')).toHaveValue('0');
  await editor.openSection('Partenaires');
  await expect(editor.field('Nom du partenaire 1')).toHaveValue('Mission locale');
  await expect(editor.field('Lettre de soutien du partenaire 1')).toBeChecked();
  await editor.openSection('Budget sur 4 ans');
  await expect(editor.field('Recette 1 — année 1')).toHaveValue('12000');
  await editor.openSection('Équipe et postes');
  await expect(editor.field('Financeur 1 — poste 1, année 3')).toHaveValue('AMI');
  expect(errors).toEqual([]);
});
