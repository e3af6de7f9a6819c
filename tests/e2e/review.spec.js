// Partner review with no server: the holder shares a snapshot, a partner (another browser,
// its own storage) answers it with a review and a reply link, and the holder merges it.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage, partnerReplies } = require('./pages/app');

const PROJECT = 'Tiers-lieu du Bocage';
const MAIRIE = 'Mairie de Saint-Martin';
const COMMENT = 'Nous signerons la lettre en conseil municipal.';

// A new dossier with one partner that has promised nothing yet; returns its share link.
async function holderShares(page, { amount } = {}) {
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill(PROJECT);
  await editor.openSection('Partenaires');
  await editor.add('Ajouter un partenaire');
  await editor.field('Nom du partenaire 1').fill(MAIRIE);
  if (amount) {
    await editor.field('Apport financier du partenaire (€) 1').fill(amount);
  }
  await editor.saved();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  return { editor, link };
}

const storageOf = (page) => page.evaluate(() => JSON.stringify(localStorage));

test('a partner reviews a shared dossier, the holder merges it once, and a reply to an older version warns', async ({ page, browser }) => {
  const { editor, link } = await holderShares(page);
  const partnersBefore = await editor.scoreOf('partenariats');

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  const reply = await partnerReplies(partnerPage, link, {
    organisation: 'mairie de  Saint-Martin', person: 'Claire Martin, adjointe', category: 'Collectivité', letter: true,
    amount: '15 000', comment: COMMENT,
  });
  // Reviewing leaves nothing in the partner's browser.
  expect(await partnerPage.evaluate(() => localStorage.getItem('fabrique.index'))).toBeNull();

  // The holder opens the reply: nothing changes before they accept.
  const beforeMerge = await storageOf(page);
  await page.goto(reply);
  await expect(page.getByTestId('review')).toContainText('Claire Martin, adjointe (mairie de  Saint-Martin)');
  await expect(page.getByTestId('review-commitment')).toContainText('lettre de soutien, apport financier de 15 000,00 €');
  await expect(page.getByTestId('reply-target')).toContainText(PROJECT);
  // Field by field, old → new; the amount and the category wait for the holder's tick.
  const changes = page.getByTestId('merge-changes');
  await expect(changes.getByRole('row', { name: /Apport financier/ })).toContainText('—15 000,00 €');
  await expect(changes.getByRole('row', { name: /Catégorie/ })).toContainText('AutreCollectivité');
  await expect(changes.getByRole('row', { name: /Lettre de soutien/ })).toContainText('nonouiAjouté');
  await expect(page.getByTestId('reply-unverified')).toContainText("l'expéditeur n'est pas vérifié");
  await expect(page.getByTestId('reply-older')).toHaveCount(0);
  expect(await storageOf(page)).toBe(beforeMerge);
  await page.getByLabel('Remplacer : Apport financier').check();
  await page.getByLabel('Remplacer : Catégorie').check();

  await page.getByRole('button', { name: "Intégrer l'avis au dossier" }).click();
  await expect(page.getByTestId('reply-merged')).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect(editor.name).toHaveValue(PROJECT);
  await expect.poll(() => editor.scoreOf('partenariats')).toBeGreaterThan(partnersBefore);
  // The evaluation says which evidence the partner declared itself.
  await editor.score('partenariats').click();
  await expect(page.locator('.criterion').filter({ has: editor.score('partenariats') }))
    .toContainText('1 lettre de soutien (dont 1 déclaré par le partenaire, non vérifié)');
  await editor.openSection('Partenaires');
  // Updated, not duplicated: one partner, with the letter, marked as declared.
  await expect(editor.field('Nom du partenaire 2')).toHaveCount(0);
  await expect(editor.field('Lettre de soutien du partenaire 1')).toBeChecked();
  await expect(editor.field('Apport financier du partenaire (€) 1')).toHaveValue('15000');
  await expect(editor.field('Catégorie du partenaire 1').locator('option:checked')).toHaveText('Collectivité');
  await expect(page.getByTestId('declared-by-partner')).toBeVisible();
  await expect(page.getByTestId('received-reviews')).toContainText('Avis reçus des partenaires (1)');
  await expect(page.getByTestId('section-comments')).toContainText(COMMENT);
  await editor.saved();
  // The summary marks the letter as the partner's word.
  await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
  await expect(page.locator('.report-partners'))
    .toContainText(`${MAIRIE} (déclaré par le partenaire, non vérifié)`);

  // The same reply again changes nothing.
  const afterMerge = await storageOf(page);
  await page.goto(reply);
  await expect(page.getByTestId('reply-merged-already')).toContainText('déjà été intégré');
  await expect(page.getByRole('button', { name: "Intégrer l'avis au dossier" })).toHaveCount(0);
  expect(await storageOf(page)).toBe(afterMerge);

  // Another partner answers the link shared before the merge: the holder is warned, and
  // sees what changed since.
  const late = await partnerReplies(partnerPage, link, {
    organisation: 'Coopérative du Bocage', category: 'Entreprise', letter: true,
  });
  await page.goto(late);
  await expect(page.getByTestId('reply-older')).toContainText('version antérieure');
  await expect(page.getByTestId('reply-changes')).toContainText('partners › 1 › letter_of_support');
  await expect(page.getByTestId('merge-preview')).toContainText('sera ajouté à la liste des partenaires');
  await page.getByRole('button', { name: "Intégrer l'avis au dossier" }).click();
  await expect(page.getByTestId('reply-merged')).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await editor.openSection('Partenaires');
  await expect(editor.field('Nom du partenaire 2')).toHaveValue('Coopérative du Bocage');
  await expect(page.getByTestId('received-reviews')).toContainText('Avis reçus des partenaires (2)');
  await expect(page.getByTestId('received-reviews')).toContainText('répondait à une version antérieure');
  await partner.close();
});

test('a forged or damaged reply says so and changes nothing', async ({ page, browser }) => {
  await holderShares(page);
  const base = page.url().split('?')[0].split('#')[0];
  const before = await storageOf(page);

  // A well-formed reply to a dossier this browser never had.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(base);
  await strangerPage.getByRole('button', { name: 'Nouveau dossier' }).click();
  const strangerEditor = new EditorPage(strangerPage);
  await strangerEditor.name.fill('Un autre projet');
  await strangerEditor.saved();
  await strangerPage.getByRole('button', { name: 'Partager' }).click();
  const otherLink = await strangerPage.getByLabel('Lien de partage', { exact: true }).inputValue();
  const forged = await partnerReplies(strangerPage, otherLink, {
    organisation: 'Société inconnue', category: 'Entreprise', letter: true,
  });
  await stranger.close();

  await page.goto(forged);
  await expect(page.getByTestId('reply-unknown')).toContainText('« Un autre projet »');
  await expect(page.getByTestId('reply-unknown')).toContainText("Rien n'a été modifié.");
  await expect(page.getByRole('button', { name: "Intégrer l'avis au dossier" })).toHaveCount(0);

  const token = forged.split('#')[1];
  for (const [mangled, message] of [
    [`${base}#${token.slice(0, Math.floor(token.length / 2))}`, 'incomplet'],
    [`${base}#r9-${token.slice(3)}`, 'version plus récente'],
    [`${base}#r2-${'A'.repeat(9000)}`, 'trop long'],
  ]) {
    await page.goto(mangled);
    await expect(page.getByTestId('link-error')).toContainText(message);
    await expect(page.getByText("Vos dossiers n'ont pas été modifiés.")).toBeVisible();
  }
  expect(await storageOf(page)).toBe(before);
});

test('a forged reply for a known partner shows old → new and, merged without ticking, keeps the holder\'s amount', async ({ page, browser }) => {
  const { editor, link } = await holderShares(page, { amount: '50 000' });
  // Anyone holding the share link can reply under the partner's name.
  const forger = await browser.newContext();
  const forgerPage = await forger.newPage();
  const forged = await partnerReplies(forgerPage, link, {
    organisation: 'MAIRIE DE SAINT-MARTIN', category: 'Entreprise', amount: '0,01',
  });
  await forger.close();

  await page.goto(forged);
  await expect(page.getByTestId('reply-unverified')).toBeVisible();
  const changes = page.getByTestId('merge-changes');
  await expect(changes.getByRole('row', { name: /Apport financier/ })).toContainText('50 000,00 €0,01 €');
  await expect(page.getByLabel('Remplacer : Apport financier')).not.toBeChecked();
  await page.getByRole('button', { name: "Intégrer l'avis au dossier" }).click();
  await expect(page.getByTestId('reply-merged')).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await editor.openSection('Partenaires');
  await expect(editor.field('Apport financier du partenaire (€) 1')).toHaveValue('50000');
  // The review is kept, with nothing of the holder's replaced.
  await expect(page.getByTestId('received-reviews')).toContainText('Avis reçus des partenaires (1)');
  await expect(page.getByTestId('declared-by-partner')).toHaveCount(0);
});

test('a partner\'s review survives a reload as a draft, until its reply link is copied', async ({ page, browser }) => {
  const { link } = await holderShares(page);
  const partner = await browser.newContext();
  await partner.grantPermissions(['clipboard-read', 'clipboard-write']);
  const partnerPage = await partner.newPage();
  await partnerPage.goto(link);
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await partnerPage.getByLabel('Votre organisation (obligatoire)').fill('Coopérative du Bocage');
  await partnerPage.getByLabel('Partenaires', { exact: true }).fill(COMMENT);
  await partnerPage.getByLabel('Nous fournirons une lettre de soutien').check();
  const drafts = () => partnerPage.evaluate(
    () => Object.keys(localStorage).filter((key) => key.startsWith('fabrique.review-draft.')).length,
  );
  await expect.poll(drafts).toBe(1);

  await partnerPage.reload();
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await expect(partnerPage.getByLabel('Votre organisation (obligatoire)')).toHaveValue('Coopérative du Bocage');
  await expect(partnerPage.getByLabel('Partenaires', { exact: true })).toHaveValue(COMMENT);
  await expect(partnerPage.getByLabel('Nous fournirons une lettre de soutien')).toBeChecked();
  // No dossier was made in the partner's browser.
  expect(await partnerPage.evaluate(() => localStorage.getItem('fabrique.index'))).toBeNull();

  await partnerPage.getByRole('button', { name: 'Créer le lien de réponse' }).click();
  await partnerPage.getByRole('button', { name: 'Copier le lien de réponse' }).click();
  await expect(partnerPage.getByText('Lien copié.')).toBeVisible();
  await expect.poll(drafts).toBe(0);
  await partner.close();
});

test('a partner whose browser cannot compress gets no reply link, and is told why', async ({ page, browser }) => {
  const { link } = await holderShares(page);
  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  // Browsers before 2023 have no Compression Streams, which make the links (#20).
  await partnerPage.addInitScript(() => { delete window.CompressionStream; });
  await partnerPage.goto(link);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await partnerPage.getByLabel('Votre organisation (obligatoire)').fill(MAIRIE);
  await partnerPage.getByRole('button', { name: 'Créer le lien de réponse' }).click();
  await expect(partnerPage.getByRole('alert')).toContainText("Ce navigateur n'a pas pu préparer le lien");
  await expect(partnerPage.getByLabel('Lien de réponse à envoyer au porteur du projet')).toHaveCount(0);
  // As the message says, the draft is kept for when the link can be made.
  await partnerPage.reload();
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  await expect(partnerPage.getByLabel('Votre organisation (obligatoire)')).toHaveValue(MAIRIE);
  await partner.close();
});
