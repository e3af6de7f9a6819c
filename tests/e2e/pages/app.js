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
    await expect(this.heading).toBeVisible();
  }

  async backHome() {
    await this.page.getByRole('link', { name: 'Mes dossiers' }).click();
    await expect(this.heading).toBeVisible();
  }

  dossierLink(name) {
    return this.page.getByRole('link', { name, exact: true });
  }

  action(verb, name) {
    return this.page.getByRole('button', { name: `${verb} « ${name} »` });
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

module.exports = { HomePage, EditorPage };
