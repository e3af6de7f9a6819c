// An adviser's desk: the dossier table sorts and filters, its row menu works from the
// keyboard, several dossiers compare side by side; and the screens read well on a laptop
// and on a phone.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');
const { seriousViolations } = require('./pages/axe');

// Opens the first three examples, each as a local dossier, and comes back to the list.
async function threeExamples(page) {
  const home = new HomePage(page);
  await home.goto();
  const names = [];
  for (const index of [0, 1, 2]) {
    await home.exampleChoice.selectOption({ index });
    await home.openExample.click();
    const editor = new EditorPage(page);
    await expect(editor.verdict).toBeVisible();
    names.push(await editor.name.inputValue());
    await editor.saved();
    await home.backHome();
  }
  return { home, names };
}

const table = (page) => page.getByTestId('dossier-table');
const scores = async (page) => (await table(page).getByTestId('row-score').allTextContents()).map(Number);

test('the table sorts by a column and filters by name and verdict', async ({ page }) => {
  const { names } = await threeExamples(page);
  await expect(table(page).locator('tbody tr')).toHaveCount(3);

  const scoreHeader = table(page).getByRole('columnheader', { name: 'Score' });
  await scoreHeader.getByRole('button').click();
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await scores(page);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(new Set(ascending).size).toBeGreaterThan(1);
  await scoreHeader.getByRole('button').click();
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await scores(page)).toEqual([...ascending].reverse());

  const nameHeader = table(page).getByRole('columnheader', { name: 'Dossier' });
  await nameHeader.getByRole('button').click();
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'none');
  const shown = await table(page).locator('tbody th a').allTextContents();
  expect(shown).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));

  // By name, without minding case or accents.
  await page.getByLabel('Filtrer par nom').fill(names[0].slice(3, 9).toUpperCase());
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  await expect(table(page).getByRole('link', { name: names[0], exact: true })).toBeVisible();
  await page.getByLabel('Filtrer par nom').fill('aucun dossier ne porte ce nom');
  await expect(page.getByText('Aucun dossier ne correspond au filtre.')).toBeVisible();
  await page.getByLabel('Filtrer par nom').fill('');

  // By verdict: only the lines that have it.
  const verdicts = await table(page).getByTestId('row-verdict').allTextContents();
  await page.getByLabel('Verdict', { exact: true }).selectOption({ label: verdicts[0] });
  const kept = await table(page).getByTestId('row-verdict').allTextContents();
  expect(kept.length).toBe(verdicts.filter((v) => v === verdicts[0]).length);
  expect(new Set(kept)).toEqual(new Set([verdicts[0]]));
  expect(kept.length).toBeLessThan(3);
});

test('a row menu opens, acts and closes from the keyboard', async ({ page }) => {
  const { names } = await threeExamples(page);
  const name = names[1];
  const toggle = page.getByRole('button', { name: `Actions pour « ${name} »`, exact: true });
  await toggle.focus();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: `Renommer « ${name} »`, exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(page.getByRole('button', { name: `Dupliquer « ${name} »`, exact: true })).toBeHidden();

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: `Renommer « ${name} »`, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Dupliquer « ${name} »`, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table(page).getByRole('link', { name: `${name} (copie)`, exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'the table').toEqual([]);
});

test('three dossiers compared: each criterion side by side, a legend in words, the CSV', async ({ page }) => {
  const { names } = await threeExamples(page);
  // Each line's criteria, as its mini bars say them.
  const perRow = {};
  for (const name of names) {
    const label = await table(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
      .locator('.mini-bars').getAttribute('aria-label');
    perRow[name] = Object.fromEntries(label.split(', ').map((part) => {
      const at = part.lastIndexOf(' ');
      return [part.slice(0, at), Number(part.slice(at + 1))];
    }));
  }
  // Compared in the order the table shows them.
  const order = await table(page).locator('tbody th a').allTextContents();
  expect([...order].sort()).toEqual([...names].sort());
  const compare = page.getByRole('button', { name: 'Comparer la sélection (2 à 6)' });
  await expect(compare).toBeDisabled();
  for (const name of names) await page.getByLabel(`Sélectionner « ${name} »`).check();
  await expect(page.getByTestId('selection-count')).toHaveText('3 dossiers sélectionnés');
  // The selection as one file, in the table's order.
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter la sélection' }).click();
  const file = JSON.parse(fs.readFileSync(await (await exporting).path(), 'utf8'));
  expect(file.format).toBe('fabrique-export');
  expect(file.dossiers.map((d) => d.name)).toEqual(order);
  expect(file.dossiers.every((d) => d.history.length === 1)).toBe(true);
  await compare.click();
  await expect(page).toHaveURL(/\?comparer=[0-9a-f]{16},[0-9a-f]{16},[0-9a-f]{16}$/);

  const comparison = page.getByTestId('comparison-table');
  const header = await comparison.locator('thead th').allTextContents();
  expect(header).toEqual(['Critère', ...order]);
  for (const criterion of Object.keys(perRow[names[0]])) {
    const cells = await comparison.getByRole('row').filter({ has: page.getByRole('cell', { name: criterion, exact: true }) })
      .getByRole('cell').allTextContents();
    expect(cells.slice(1).map(Number), criterion).toEqual(order.map((name) => perRow[name][criterion]));
  }
  const legend = page.getByTestId('radar-legend').getByRole('listitem');
  await expect(legend).toHaveText([`1. ${order[0]} (trait plein)`, `2. ${order[1]} (tirets)`, `3. ${order[2]} (pointillés)`]);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter la comparaison (CSV)' }).click();
  const csv = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(['Critère', ...order].join(';'));
  expect(await seriousViolations(page), 'the comparison').toEqual([]);

  // The address is the comparison: it survives a reload.
  await page.reload();
  await expect(page.getByTestId('comparison-table').locator('thead th')).toHaveText(['Critère', ...order]);
});

test('a snapshot received by link compares side by side with local dossiers, importing nothing', async ({ page }) => {
  const { names } = await threeExamples(page);
  await new HomePage(page).dossierLink(names[0]).click();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();
  const before = await page.evaluate(() => localStorage.getItem('fabrique.index'));

  await page.goto(link);
  await expect(page.getByText('Instantané en lecture seule')).toBeVisible();
  await page.getByText('Comparer avec un de mes dossiers').click();
  const side = page.getByRole('button', { name: 'Comparer côte à côte' });
  await expect(side).toBeDisabled();
  await page.getByRole('group', { name: /côte à côte avec plusieurs/ }).getByLabel(names[1]).check();
  await page.getByRole('group', { name: /côte à côte avec plusieurs/ }).getByLabel(names[2]).check();
  await side.click();
  await expect(page).toHaveURL(/\?comparer=[0-9a-f]{16},[0-9a-f]{16}#d6-/);
  await expect(page.getByTestId('comparison-table').locator('thead th'))
    .toHaveText(['Critère', `${names[0]} (instantané reçu)`, names[1], names[2]]);
  // The received copy and the local one it came from score the same.
  const gouvernance = await page.getByTestId('comparison-table').getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Gouvernance', exact: true }) }).getByRole('cell').allTextContents();
  expect(gouvernance[1]).toMatch(/^\d+$/);
  expect(await page.evaluate(() => localStorage.getItem('fabrique.index'))).toBe(before);
  await page.reload();
  await expect(page.getByTestId('comparison-table').locator('thead th')).toHaveCount(4);
});

// No element of the evaluation panel is wider than its box.
async function overflowing(page) {
  return page.locator('aside.evaluation').evaluate((panel) => [panel, ...panel.querySelectorAll('*')]
    .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1
      && getComputedStyle(el).overflowX !== 'auto' && el.tagName !== 'svg' && !(el instanceof SVGElement))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`));
}

test('on a laptop and on a phone, the evaluation fits its column', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const home = new HomePage(page);
  await home.goto();
  await home.openExample.click();
  const editor = new EditorPage(page);
  await expect(editor.verdict).toBeVisible();
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('editor-1366.png') });
  // The budget's labels keep to one line at this width.
  const labels = page.locator('.budget-summary dt');
  for (const label of await labels.all()) {
    const lines = await label.evaluate((dt) => Math.round(dt.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight)));
    expect(lines, await label.textContent()).toBe(1);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  const form = page.locator('form.dossier-form');
  const panel = page.locator('aside.evaluation');
  // The section first, then the evaluation's summary; the whole panel one tap away.
  expect((await form.boundingBox()).y).toBeLessThan((await panel.boundingBox()).y);
  await expect(editor.verdict).toBeVisible();
  await expect(page.locator('.action-plan')).toBeHidden();
  const toggle = page.getByRole('button', { name: "Voir toute l'évaluation" });
  await toggle.click();
  await expect(page.locator('.action-plan')).toBeVisible();
  await expect(page.getByRole('button', { name: "Réduire l'évaluation" })).toHaveAttribute('aria-expanded', 'true');
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('editor-390.png'), fullPage: true });
  expect(await seriousViolations(page), 'the editor on a phone').toEqual([]);
});
