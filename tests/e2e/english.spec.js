// In English, the app writes numbers, money and colons the English way — the evaluation,
// the funding plan, the budget and the printed report of every example — and the French
// ones stay French.
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

// French number writing: a narrow no-break space between thousands, a no-break space
// before a unit, a decimal comma before cents; and French spacing before a colon.
const FRENCH_NUMBER = /\d\u202f\d|\d[\u00a0 ](€|%|ETP)|\d,\d\d\u00a0/;
const FRENCH_COLON = /\S[ \u00a0]:\s/;

async function inEnglish(page) {
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByLabel("Langue de l'application").selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
}

// The text the app wrote, without what the holder typed into fields.
async function appText(locator) {
  return locator.evaluate((root) => {
    const clone = root.cloneNode(true);
    clone.querySelectorAll('input, textarea, select, .explanation-typed').forEach((n) => n.remove());
    return clone.innerText;
  });
}

for (const index of [0, 1, 2, 3]) {
  test(`example ${index + 1} in English: English numbers and colons in the evaluation and the report`, async ({ page }) => {
    test.setTimeout(120_000);
    const home = new HomePage(page);
    await home.goto();
    await home.exampleChoice.selectOption({ index });
    await home.openExample.click();
    const editor = new EditorPage(page);
    await expect(editor.verdict).toBeVisible();
    const dossierUrl = page.url();
    // French first, as written: its own conventions are there to be seen.
    const french = await appText(page.locator('aside.evaluation'));
    expect(french).toMatch(FRENCH_NUMBER);
    await inEnglish(page);
    await page.goto(dossierUrl);
    await expect(page.getByRole('heading', { name: 'What next?' })).toBeVisible();
    const more = page.getByRole('button', { name: /Show the whole plan/ });
    if (await more.count()) await more.click();
    const evaluation = await appText(page.locator('aside.evaluation'));
    expect(evaluation).not.toMatch(FRENCH_NUMBER);
    expect(evaluation).not.toMatch(FRENCH_COLON);
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByRole('button', { name: 'See the full report' }).click();
    const report = await appText(page.getByTestId('report'));
    expect(report).toContain('Sources of the rules');
    expect(report).not.toMatch(FRENCH_NUMBER);
    expect(report).not.toMatch(FRENCH_COLON);
  });
}
