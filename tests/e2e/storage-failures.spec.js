// When the browser's storage fails: nothing is lost, and the user is told in plain words.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

const record = (name) => JSON.stringify({ revision: 1, saved_at_ms: 0, dossier: { schema_version: 2, name } });

test('a corrupted entry is quarantined while the other dossiers load', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const damaged = '{"revision": 2, "dossier": {"schema_version": 2, "name": "Tronqu';
  await page.evaluate(({ good1, good2, damaged }) => {
    localStorage.setItem('fabrique.index', JSON.stringify(['00000000000000a1', '00000000000000b2', '00000000000000c3']));
    localStorage.setItem('fabrique.dossier.00000000000000a1', good1);
    localStorage.setItem('fabrique.dossier.00000000000000b2', damaged);
    localStorage.setItem('fabrique.dossier.00000000000000c3', good2);
  }, { good1: record('Premier'), good2: record('Troisième'), damaged });
  await page.reload();

  await expect(home.dossierLink('Premier')).toBeVisible();
  await expect(home.dossierLink('Troisième')).toBeVisible();
  const unreadable = page.getByTestId('unreadable-entry');
  await expect(unreadable).toContainText('illisible');
  const kept = await page.evaluate(() => ({
    original: localStorage.getItem('fabrique.dossier.00000000000000b2'),
    quarantine: localStorage.getItem('fabrique.quarantine.00000000000000b2'),
  }));
  expect(kept).toEqual({ original: damaged, quarantine: damaged });

  // Its raw text can be downloaded; taking it off the list keeps the quarantined copy.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le texte brut' }).click();
  expect(fs.readFileSync(await (await downloading).path(), 'utf8')).toBe(damaged);
  await page.getByRole('button', { name: /Retirer de la liste/ }).click();
  await expect(unreadable).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('fabrique.quarantine.00000000000000b2'))).toBe(damaged);
  await expect(home.dossierLink('Premier')).toBeVisible();
});

test('a dossier from a newer version is refused, not overwritten', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const future = JSON.stringify({ revision: 7, dossier: { schema_version: 99, name: 'Du futur' } });
  await page.evaluate((future) => {
    localStorage.setItem('fabrique.index', JSON.stringify(['00000000000000f9']));
    localStorage.setItem('fabrique.dossier.00000000000000f9', future);
  }, future);
  await page.goto('./?dossier=00000000000000f9');
  await expect(page.getByRole('alert')).toContainText('version plus récente');
  expect(await page.evaluate(() => localStorage.getItem('fabrique.dossier.00000000000000f9'))).toBe(future);
});

test('a full storage shows a banner, keeps the work on screen and offers an export', async ({ page }) => {
  // The quota can be made full at will: every write then throws, as a full storage does.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__quotaFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Avant');
  await editor.saved();
  // Whether leaving the page asks first (the browser's own "leave this page?").
  const asksBeforeLeaving = () => page.evaluate(() => typeof window.onbeforeunload === 'function');
  expect(await asksBeforeLeaving()).toBe(false);

  await page.evaluate(() => { window.__quotaFull = true; });
  await editor.name.fill('Pendant la panne');
  await expect(page.getByRole('alert').filter({ hasText: 'refuse d\'enregistrer' })).toBeVisible();
  await expect(editor.saveStatus).toHaveText('Non enregistré');
  await expect(editor.name).toHaveValue('Pendant la panne');
  await expect.poll(asksBeforeLeaving).toBe(true);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter maintenant' }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8'));
  expect(exported.name).toBe('Pendant la panne');

  // Space comes back: the next change saves everything, nothing was lost.
  await page.evaluate(() => { window.__quotaFull = false; });
  await editor.name.fill('Pendant la panne, puis après');
  await editor.saved();
  await expect.poll(asksBeforeLeaving).toBe(false);
  await page.reload();
  await expect(editor.name).toHaveValue('Pendant la panne, puis après');
});

test('a browser that refuses storage keeps the work in the page and says so at once', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const home = new HomePage(page);
  await home.goto();
  await expect(page.getByRole('alert')).toContainText('ne donne pas accès à son stockage');
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Sans stockage');
  await expect(editor.saveStatus).toHaveText('Gardé dans cette page seulement : exportez-le');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter ce dossier (JSON)' }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloading).path(), 'utf8'));
  expect(exported.name).toBe('Sans stockage');
  await home.backHome();
  await expect(home.dossierLink('Sans stockage')).toBeVisible();
});
