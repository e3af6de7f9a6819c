// Each field follows its own value: typing in one field writes no other field of the page
// (each keystroke used to rewrite every field of the open section).
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

test('typing in one field writes no other field', async ({ page }) => {
  // Counts the writes of `value` to each text field, select and text area, by its id.
  await page.addInitScript(() => {
    window.__valueWrites = {};
    for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype, HTMLSelectElement.prototype]) {
      const value = Object.getOwnPropertyDescriptor(proto, 'value');
      Object.defineProperty(proto, 'value', {
        configurable: true,
        get() { return value.get.call(this); },
        set(text) {
          window.__valueWrites[this.id] = (window.__valueWrites[this.id] || 0) + 1;
          value.set.call(this, text);
        },
      });
    }
  });
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toBeVisible();
  const nameId = await editor.name.getAttribute('id');
  const fields = await page.locator('main input[id], main textarea[id], main select[id]').count();
  expect(fields).toBeGreaterThan(5);

  await page.evaluate(() => { window.__valueWrites = {}; });
  await editor.name.click();
  await editor.name.press('End');
  await editor.name.pressSequentially(' bis');
  await expect(editor.name).toHaveValue('La Grange numérique bis');
  await editor.saved();
  const writes = await page.evaluate(() => window.__valueWrites);
  const others = Object.entries(writes).filter(([id]) => id !== nameId && id !== 'share-link');
  expect(others).toEqual([]);
});
