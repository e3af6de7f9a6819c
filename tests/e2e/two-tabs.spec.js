// The same dossier open in two tabs: a change in one shows in the other, and when both
// changed, the user chooses; neither side's edits are dropped silently.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

// Two tabs on one new dossier named `name`. In the second tab, the autosave's delayed
// timers (300 ms and more) are held, so its edits stay pending until the test says so.
async function twoTabs(context, name) {
  const first = await context.newPage();
  const home = new HomePage(first);
  await home.goto();
  await home.newDossier.click();
  const a = new EditorPage(first);
  await a.name.fill(name);
  await a.saved();
  const second = await context.newPage();
  await second.addInitScript(() => {
    const setTimeoutReal = window.setTimeout;
    window.setTimeout = (callback, delay, ...rest) =>
      (delay >= 300 ? setTimeoutReal(() => {}, 0) : setTimeoutReal(callback, delay, ...rest));
  });
  await second.goto(first.url());
  const b = new EditorPage(second);
  await expect(b.name).toHaveValue(name);
  return { first, second, a, b };
}

test('two tabs on one dossier follow each other and ask on a conflict', async ({ context }) => {
  const { first, second, a, b } = await twoTabs(context, 'Version initiale');

  // A change in the first tab shows in the second, which has no edit of its own.
  await a.name.fill('Changée dans A');
  await a.saved();
  await expect(b.name).toHaveValue('Changée dans A');

  // Both change: the second tab's edit is pending when the first tab saves.
  await b.name.fill('Changée dans B');
  await a.name.fill('Changée encore dans A');
  await a.saved();
  await expect(second.getByText('Ce dossier a été modifié dans un autre onglet.')).toBeVisible();
  await expect(b.name).toHaveValue('Changée dans B');
  // While the conflict is open, leaving the page asks first.
  const asksBeforeLeaving = () => second.evaluate(() => typeof window.onbeforeunload === 'function');
  await expect.poll(asksBeforeLeaving).toBe(true);

  // The user keeps their version: it is saved, and the first tab follows.
  await second.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(second.getByText('Ce dossier a été modifié dans un autre onglet.')).toHaveCount(0);
  await expect.poll(asksBeforeLeaving).toBe(false);
  await expect(a.name).toHaveValue('Changée dans B');
  const stored = await first.evaluate(() => {
    const id = new URLSearchParams(location.search).get('dossier');
    return JSON.parse(localStorage.getItem(`fabrique.dossier.${id}`)).dossier.name;
  });
  expect(stored).toBe('Changée dans B');
});

test('taking the other version replaces the pending edit', async ({ context }) => {
  const { first, second, a, b } = await twoTabs(context, 'Départ');
  await b.name.fill('Brouillon de B');
  await a.name.fill('Texte de A');
  await a.saved();
  await second.getByRole('button', { name: "Prendre l'autre version" }).click();
  await expect(b.name).toHaveValue('Texte de A');
  await expect(b.saveStatus).toHaveText('Enregistré dans ce navigateur');
});

test('undoing a deletion after another tab saved the dossier again keeps both versions', async ({ context }) => {
  const first = await context.newPage();
  const home = new HomePage(first);
  await home.goto();
  await home.newDossier.click();
  const a = new EditorPage(first);
  await a.name.fill('Version supprimée');
  await a.saved();
  const second = await context.newPage();
  await second.goto(first.url());
  const b = new EditorPage(second);
  await expect(b.name).toHaveValue('Version supprimée');

  await home.backHome();
  await home.action('Supprimer', 'Version supprimée').click();
  await expect(second.getByTestId('save-status')).toHaveText('Supprimé dans un autre onglet');
  // The other tab goes on editing: its change writes the dossier back.
  await b.name.fill("Version de l'autre onglet");
  await b.saved();

  // Undone here: nothing of the other tab's is replaced; both versions are listed.
  await home.undoDelete.click();
  await expect(first.getByText('les deux versions sont gardées')).toBeVisible();
  await expect(home.dossierLink("Version de l'autre onglet")).toBeVisible();
  await expect(home.dossierLink('Version supprimée')).toBeVisible();
  await expect(b.name).toHaveValue("Version de l'autre onglet");
});
