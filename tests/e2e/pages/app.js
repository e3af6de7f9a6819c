// Page objects: the app as a user sees it, found by accessible names and roles.
const { expect } = require('@playwright/test');

class HomePage {
  constructor(page) {
    this.page = page;
    this.newDossier = page.getByRole('button', { name: 'Nouveau dossier' });
  }

  async goto() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { name: 'Vos dossiers' })).toBeVisible();
  }

  dossierLink(name) {
    return this.page.getByRole('link', { name });
  }
}

class EditorPage {
  constructor(page) {
    this.page = page;
    this.name = page.getByLabel('Nom du projet');
    this.statutes = page.getByLabel('Le collectif a des statuts ou une charte qui disent qui décide de quoi');
    this.meetings = page.getByLabel("Réunions de l'instance de décision par an");
    this.governanceScore = page.getByTestId('score-gouvernance');
  }
}

module.exports = { HomePage, EditorPage };
