// The dossier de présentation: the project as a jury reads it. At most four A4 pages for
// each example, the budget's yearly totals and the funding plan's amounts (the very figures
// of the CSV exports), and no score or verdict anywhere on it.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { openExample, pdfPages: pageCount } = require('./pages/app');

// "124 000,00 €" and "124000,00" both as cents.
function cents(text) {
  const digits = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  expect(digits).toMatch(/^-?\d+\.\d\d$/);
  return Math.round(Number(digits) * 100);
}

async function download(page, button) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return fs.readFileSync(await (await downloading).path(), 'utf8');
}

// The CSV's rows, cells split (no cell of these rows holds a quoted ';').
function csvRows(csv) {
  return csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((line) => line.split(';'));
}

async function openPresentation(page, exampleIndex) {
  const { name, verdict } = await openExample(page, exampleIndex);
  await page.getByRole('button', { name: 'Dossier de présentation', exact: true }).click();
  const document = page.getByTestId('presentation');
  await expect(document.getByRole('heading', { level: 1 })).toHaveText(name);
  return { name, verdict, document };
}

// What the document must never say: Fabrique's assessment lives in the self-evaluation.
const assessment = /score|verdict|\/ 100|prêt à déposer|à consolider|pas encore prêt|non démontré|fragile|solide|exemplaire/i;

for (const index of [0, 1, 2, 3]) {
  test(`example ${index + 1}: the presentation shows the budget and the funding plan of the CSV, no score, on at most four A4 pages`, async ({ page }) => {
    const { name, verdict, document } = await openPresentation(page, index);
    const text = await document.textContent();
    expect(text).not.toMatch(assessment);
    expect(text).not.toContain(verdict.trim());

    // The budget's totals, year by year, are the CSV export's.
    const budget = page.getByTestId('presentation-budget');
    const csv = csvRows(await download(page, 'Budget (CSV)'));
    for (const total of ['Total des recettes', 'Total des charges', 'Solde']) {
      const printed = await budget.getByRole('row').filter({ has: page.getByRole('rowheader', { name: total, exact: true }) })
        .getByRole('cell').allTextContents();
      const exported = csv.find((row) => row[0] === total);
      expect(exported, total).toBeTruthy();
      const printedYears = printed.filter((cell) => cell.trim() !== '').map(cents);
      expect(printedYears, total).toHaveLength(4);
      expect(printedYears, total).toEqual(exported.slice(3).map(cents));
    }

    // Every amount of the funding plan, funder by funder.
    const plan = csvRows(await download(page, 'Plan de financement (CSV)'));
    const amounts = plan.slice(1).filter((row) => row[4] && row[4] !== '').map((row) => cents(row[4]));
    if (amounts.length > 0) {
      const shown = (await page.getByTestId('presentation-funding-plan').locator('tbody tr td:nth-child(5)').allTextContents())
        .filter((cell) => cell.trim() !== '').map(cents);
      expect(shown).toEqual(amounts);
    } else {
      // No investment: the part says so rather than vanish.
      await expect(page.getByTestId('presentation-funding-plan')).toHaveCount(0);
      await expect(document.locator('[data-section="investissement"]')).toContainText('Non renseigné.');
    }

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true, outline: true });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(4);
    // Tagged: the headings and tables reach the PDF's structure tree, one title and a
    // heading per part.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw.match(/\/S\s*\/H1\b/g) || []).toHaveLength(1);
    const parts = await document.getByRole('heading', { level: 2 }).count();
    expect(parts).toBeGreaterThanOrEqual(10);
    expect(raw.match(/\/S\s*\/H2\b/g) || []).toHaveLength(parts);
    // The footer on every page: the dossier's name and the date (the page number is the
    // style sheet's).
    // (The page's own style sheet, written into it, styles the footer but says nothing.)
    const footers = await page.evaluate(() => [...document.querySelectorAll('style')]
      .map((style) => style.textContent).filter((css) => /@bottom-left\s*\{\s*content:/.test(css)));
    expect(footers).toHaveLength(1);
    expect(footers[0]).toContain(name);
  });
}

test('the presentation reads in Markdown with the same tables, and the self-evaluation is one click away with its weights', async ({ page }) => {
  const { name, document } = await openPresentation(page, 0);
  const markdown = await download(page, 'Télécharger en Markdown');
  expect(markdown.startsWith(`# ${name}\n`)).toBe(true);
  expect(markdown).toContain('## Le budget de fonctionnement');
  expect(markdown).not.toMatch(assessment);
  const revenue = (await page.getByTestId('presentation-budget').getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Total des recettes' }) }).getByRole('cell').allTextContents())
    .filter((cell) => cell.trim() !== '');
  expect(markdown).toContain(`| **Total des recettes** |  |  | ${revenue.map((c) => `**${c}**`).join(' | ')} |`);
  await expect(document.locator('.holder-words').first()).toBeVisible();

  await page.getByRole('button', { name: "Voir l'auto-évaluation (2 pages)" }).click();
  await expect(page).toHaveURL(/rapport=synthese/);
  await expect(page.getByTestId('report')).toContainText('Auto-évaluation Fabrique — synthèse');
  await expect(page.getByTestId('report-who')).toContainText("ni l'avis de l'ANCT ni celui d'un jury");
  await expect(page.getByTestId('report-weight-gouvernance')).toHaveText(/^\d+$/);
  await page.getByRole('button', { name: 'Voir le dossier de présentation' }).click();
  await expect(page).toHaveURL(/rapport=presentation/);
  await page.reload();
  await expect(page.getByTestId('presentation').getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a partner who received a snapshot prints its presentation, from the link alone', async ({ page, browser }) => {
  const { name } = await openPresentation(page, 1);
  const totals = await page.getByTestId('presentation-budget').locator('tr.total').allTextContents();
  await page.getByRole('button', { name: 'Retour au dossier' }).click();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await partnerPage.goto(link);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  await partnerPage.getByRole('button', { name: 'Dossier de présentation' }).click();
  const received = partnerPage.getByTestId('presentation');
  await expect(received.getByRole('heading', { level: 1 })).toHaveText(name);
  expect(await partnerPage.getByTestId('presentation-budget').locator('tr.total').allTextContents()).toEqual(totals);
  expect(await received.textContent()).not.toMatch(assessment);
  const markdown = await download(partnerPage, 'Télécharger en Markdown');
  expect(markdown.startsWith(`# ${name}\n`)).toBe(true);
  await partner.close();
});
