// The funding plan as a préfecture reads it: an investment's own share is what remains of
// its cost, the 20 % rule holds at exactly 80 % of aid, a breach names the two amounts
// that fix it and leads the action plan after what blocks; the call decides the grant's rules.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

// French amounts as the app writes them: narrow no-break spaces between thousands, a
// no-break space before the unit.
const euros = (text) => `${text.replace(/ /g, '\u202f')}\u00a0€`;

test('a 120,000 € item at exactly 80 % of aid holds; at 84 % the fix names two amounts and leads the plan', async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.openSection('Investissement');
  await editor.add('Ajouter un investissement');
  await editor.field('Investissement 1').fill('Rénovation de la halle');
  await editor.field("Coût (€) de l'investissement 1").fill('120000');
  await editor.field("Maître d'ouvrage de l'investissement 1").selectOption({ label: 'La commune' });
  for (const [index, funder, amount] of [[1, 'DETR', '48000'], [2, 'Région', '30000'], [3, 'Département', '18000']]) {
    await editor.add('Ajouter un financeur');
    await editor.field(`Financeur 1.${index}`).selectOption({ label: funder });
    await editor.field(`Montant demandé (€) 1.${index}`).fill(amount);
  }
  // No own line: the commune pays what remains, 24,000 €, exactly 20 % of the public money.
  const ceiling = page.getByTestId('ceiling');
  const plan = page.getByTestId('item-plan-1');
  await expect(plan).toContainText(`part propre (ce qui reste)\u00a0: ${euros('24 000,00')}`);
  await expect(plan).toContainText('entièrement financé');
  await expect(ceiling).toContainText('respecté\u00a0: 80\u00a0% d\'aides publiques');
  // What blocks any new dossier (no legal structure, no funded post) comes first; the
  // funding plan's problems come right after, before any indicator.
  const actions = page.getByTestId('action-plan');
  await expect(actions.locator('li').first()).toHaveClass(/blocking/);
  const firstAction = actions.locator('li:not(.blocking)').first();
  await expect(firstAction).not.toContainText('Ramener les aides publiques');

  // DETR up to 52,800 €: 100,800 € of aid, 84 %.
  await editor.field('Montant demandé (€) 1.1').fill('52800');
  await expect(ceiling).toContainText('DÉPASSÉ\u00a0: 84\u00a0% d\'aides publiques');
  await expect(ceiling).toContainText(`aides publiques de ${euros('96 000,00')} au plus et part propre de ${euros('24 000,00')} au moins`);
  await expect(firstAction).toContainText(`Ramener les aides publiques de « Rénovation de la halle » à ${euros('96 000,00')} au plus`);
  await expect(firstAction).toContainText(`réduire les aides de ${euros('4 800,00')}`);
  await expect(firstAction).toContainText('plan de financement');

  // Back to 80 %: the fix leaves the plan.
  await editor.field('Montant demandé (€) 1.1').fill('48000');
  await expect(ceiling).toContainText('respecté');
  await expect(firstAction).not.toContainText('Ramener les aides publiques');
});

test('the call decides the grant: a flat 50,000 € for the 2023 edition, open only to its territories', async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  const bounds = page.getByTestId('ami-bounds');
  // No grant entered yet is said as such, not as "outside the bounds".
  await expect(bounds).toContainText('aucune subvention de l\'appel n\'est encore inscrite');
  await editor.field('Appel visé').selectOption({ label: 'Fabriques de territoire, édition 2023' });
  await expect(page.getByTestId('call-facts')).toContainText('144 territoires de sous-préfecture sans Fabrique');
  await expect(page.getByTestId('call')).toContainText('édition 2023');

  await editor.openSection('Budget sur 4 ans');
  await editor.add('Ajouter une recette');
  await editor.field('Origine de la recette 1').selectOption({ label: "Subvention de l'AMI" });
  await editor.field('Recette 1 — année 1').fill('40000');
  await expect(bounds).toContainText(`NON CONFORME : ${euros('40 000,00')} inscrits, pour un forfait de ${euros('50 000,00')}`);
  await editor.field('Recette 1 — année 1').fill('50000');
  await expect(bounds).toContainText(`conforme au forfait de ${euros('50 000,00')}`);

  // The territory question: unknown until answered, and "no" makes the call out of reach.
  await editor.openSection('Identité et territoire');
  const territory = editor.field("Le territoire est l'un des 144 territoires de sous-préfecture sans Fabrique (édition 2023)");
  await expect(territory).toHaveValue('');
  await territory.selectOption({ label: 'Non' });
  const asked = page.getByTestId('sources-asked');
  await expect(asked).toContainText('non éligible');
  await expect(asked).toContainText("L'édition 2023 était réservée aux 144 territoires de sous-préfecture sans Fabrique.");
  await page.reload();
  await expect(editor.field('Appel visé')).toHaveValue('2');
  await expect(territory).toHaveValue('1');
});

test('a link and a stored dossier from before calls were recorded answer the 2019–2021 AMI', async ({ page }) => {
  const fs = require('fs');
  const path = require('path');
  const golden = path.join(__dirname, '..', '..', 'crates', 'core', 'tests', 'fixtures', 'links');
  // A version-2 link of the numérique example opens as the numérique variant of that call.
  const token = fs.readFileSync(path.join(golden, 'v2-fragile-qpv-digital.link'), 'utf8').trim();
  await page.goto(`./#${token}`);
  await expect(page.getByTestId('call')).toContainText('AMI Fabriques de territoire — Fabrique numérique (vagues 2019–2021)');

  // A schema-3 record kept in this browser opens as the 2019–2021 call, nothing lost.
  const home = new HomePage(page);
  await home.goto();
  const stored = JSON.stringify({
    revision: 3,
    saved_at_ms: 0,
    dossier: {
      schema_version: 3,
      name: 'La Halle',
      variant: 'fabrique_de_territoire',
      investment: { items: [{ label: 'Toiture', cost: 10000000, owner: 'commune', funding: [{ source: 'detr', amount: 8000000 }] }] },
    },
  });
  await page.evaluate((stored) => {
    localStorage.setItem('fabrique.index', JSON.stringify(['00000000000000d4']));
    localStorage.setItem('fabrique.dossier.00000000000000d4', stored);
  }, stored);
  await page.reload();
  await home.dossierLink('La Halle').click();
  const editor = new EditorPage(page);
  await expect(editor.field('Appel visé')).toHaveValue('0');
  await expect(page.getByTestId('call')).toContainText('AMI Fabriques de territoire (vagues 2019–2021)');
  // 80,000 € of DETR on 100,000 €: the commune's 20,000 € make it hold.
  await expect(page.getByTestId('ceiling')).toContainText('respecté');
});
