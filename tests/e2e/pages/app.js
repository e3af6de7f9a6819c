// Page objects: the app as a user sees it, found by accessible names and roles.
const { expect } = require('@playwright/test');

class HomePage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Vos dossiers' });
    this.newDossier = page.getByRole('button', { name: 'Nouveau dossier' });
    this.exampleChoice = page.getByLabel('Exemple à explorer');
    this.openExample = page.getByRole('button', { name: "Ouvrir l'exemple" });
    this.importFile = page.getByLabel('Importer un fichier (JSON)');
    this.exportAll = page.getByRole('button', { name: 'Exporter tous les dossiers' });
    this.undoDelete = page.getByRole('button', { name: 'Annuler la suppression' });
  }

  async goto() {
    await this.page.goto('./');
    await this.mounted();
  }

  // The heading is also index.html's static first screen's, drawn before the wasm arrives:
  // the app removes that screen as it mounts, so only its absence says the app is there.
  async mounted() {
    await expect(this.page.locator('#first-screen')).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }

  async backHome() {
    await this.page.getByRole('link', { name: 'Mes dossiers' }).click();
    await expect(this.heading).toBeVisible();
  }

  dossierLink(name) {
    return this.page.getByRole('link', { name, exact: true });
  }

  // A row's action, inside its menu: opens the menu when it is closed.
  action(verb, name) {
    const { page } = this;
    const item = page.getByRole('button', { name: `${verb} « ${name} »`, exact: true });
    return {
      async click() {
        if (!(await item.isVisible())) {
          await page.getByRole('button', { name: `Actions pour « ${name} »`, exact: true }).click();
        }
        await item.click();
      },
    };
  }

  row(name) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

class EditorPage {
  constructor(page) {
    this.page = page;
    this.name = page.getByLabel('Nom du projet');
    this.verdict = page.getByTestId('verdict');
    this.weightedScore = page.getByTestId('weighted-score');
    this.saveStatus = page.getByTestId('save-status');
  }

  score(criterion) {
    return this.page.getByTestId(`score-${criterion}`);
  }

  async scoreOf(criterion) {
    return Number(await this.score(criterion).textContent());
  }

  section(name) {
    return this.page.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async openSection(name) {
    await this.section(name).click();
    await expect(this.page.getByRole('group', { name })).toBeVisible();
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  async add(label) {
    await this.page.getByRole('button', { name: label }).click();
  }

  // Does `action`, then waits until the criterion's score has risen.
  async expectRise(criterion, action) {
    const before = await this.scoreOf(criterion);
    await action();
    await expect.poll(() => this.scoreOf(criterion)).toBeGreaterThan(before);
  }

  async saved() {
    await expect(this.saveStatus).toHaveText('Enregistré dans ce navigateur');
  }
}

// A partner opens a share link in their own browser and makes a reply link; returns it.
async function partnerReplies(partnerPage, link, { organisation, person, category, letter, amount, comment }) {
  await partnerPage.goto(link);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await partnerPage.getByLabel('Votre organisation (obligatoire)').fill(organisation);
  if (person) {
    await partnerPage.getByLabel('Votre nom et votre fonction').fill(person);
  }
  await partnerPage.getByLabel('Catégorie de partenaire').selectOption({ label: category });
  if (letter) {
    await partnerPage.getByLabel('Nous fournirons une lettre de soutien').check();
  }
  if (amount) {
    await partnerPage.getByLabel('Apport financier (€, facultatif)').fill(amount);
  }
  if (comment) {
    await partnerPage.getByLabel('Partenaires', { exact: true }).fill(comment);
  }
  await partnerPage.getByRole('button', { name: 'Créer le lien de réponse' }).click();
  const reply = await partnerPage.getByLabel('Lien de réponse à envoyer au porteur du projet').inputValue();
  expect(reply).toMatch(/#r2-[A-Za-z0-9_-]+$/);
  return reply;
}

// Opens example `index` as a local dossier: its name and verdict, as the editor shows them.
async function openExample(page, index) {
  const home = new HomePage(page);
  await home.goto();
  await home.exampleChoice.selectOption({ index });
  await home.openExample.click();
  const editor = new EditorPage(page);
  const name = await editor.name.inputValue();
  const verdict = await editor.verdict.textContent();
  return { name, verdict };
}

// The pages of a PDF Chromium printed.
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

module.exports = { HomePage, EditorPage, partnerReplies, openExample, pdfPages };
