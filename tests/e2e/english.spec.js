// In English, the app writes numbers, money and colons the English way — the evaluation,
// the funding plan, the budget, the printed report and the presentation of every example — and the French
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
    await page.getByRole('button', { name: 'Self-evaluation', exact: true }).click();
    await page.getByRole('button', { name: 'See the full self-evaluation report' }).click();
    const report = await appText(page.getByTestId('report'));
    expect(report).toContain('Sources of the rules');
    expect(report).not.toMatch(FRENCH_NUMBER);
    expect(report).not.toMatch(FRENCH_COLON);
    await page.getByRole('button', { name: 'See the project presentation' }).click();
    // The presentation quotes the holder's own words (French here): what was typed is
    // taken out before looking at how the app wrote its own.
    const typed = await page.evaluate(() => {
      const strings = [];
      const walk = (value) => {
        if (typeof value === 'string') strings.push(value.trim());
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith('fabrique.dossier.'))) {
        walk(JSON.parse(localStorage.getItem(key)));
      }
      // Whole texts only: a short word typed ("workshop") is also the app's.
      return strings.filter((s) => s.length > 12).sort((a, b) => b.length - a.length);
    });
    expect(typed.length).toBeGreaterThan(5);
    let presentation = await appText(page.getByTestId('presentation'));
    for (const words of typed) presentation = presentation.split(words).join('');
    expect(presentation).toContain('The operating budget');
    expect(presentation).not.toMatch(FRENCH_NUMBER);
    expect(presentation).not.toMatch(FRENCH_COLON);
  });
}
