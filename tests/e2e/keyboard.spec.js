// Creating and filling a dossier with the keyboard alone: every control is reachable with
// Tab, works with Enter or Space, and shows where the focus is.
const { test, expect } = require('./fixtures');
const { EditorPage } = require('./pages/app');

// Presses Tab (or Shift+Tab) until the focused control is labelled `name` (or gives up).
async function tabTo(page, name, key = 'Tab') {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return '';
      const labelled = element.id && document.querySelector(`label[for="${element.id}"]`);
      const label = labelled ? labelled.textContent : (element.closest('label') ? element.closest('label').textContent : '');
      return (label || element.textContent || '').trim();
    });
    if (focused.startsWith(name)) return;
  }
  throw new Error(`"${name}" cannot be reached with Tab`);
}

test('a dossier is created and filled with the keyboard alone', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Vos dossiers' })).toBeVisible();

  await tabTo(page, 'Nouveau dossier');
  // The focus is visible: an outline is drawn around the focused control.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  const editor = new EditorPage(page);
  await expect(editor.name).toBeVisible();

  await tabTo(page, 'Nom du projet');
  await page.keyboard.type('Le Fournil');
  await tabTo(page, 'Type de porteur');
  await page.keyboard.press('ArrowDown');
  await expect(editor.field('Type de porteur')).toHaveValue('0');

  // The section navigator comes before the form.
  await tabTo(page, 'Gouvernance', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Gouvernance' })).toBeVisible();
  await tabTo(page, 'Le collectif a des statuts');
  await page.keyboard.press('Space');
  await expect(editor.score('gouvernance')).toHaveText('25');
  await tabTo(page, "Réunions de l'instance de décision par an");
  await page.keyboard.type('6');
  await expect(editor.score('gouvernance')).toHaveText('45');
  await tabTo(page, 'Ajouter un membre');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Nom du membre 1');
  await page.keyboard.type('Aïcha');

  await page.reload();
  await expect(page.getByRole('group', { name: 'Gouvernance' })).toBeVisible();
  await expect(editor.field('Nom du membre 1')).toHaveValue('Aïcha');
  await expect(editor.score('gouvernance')).toHaveText('45');
});
