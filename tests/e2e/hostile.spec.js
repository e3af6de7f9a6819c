// Hostile input: the XSS corpus (tests/fixtures/xss-payloads.json) through every entry
// point — typing, JSON import, snapshot links, reply links — into every kind of text field.
// Nothing may run (the guard of ./fixtures fails the test on a payload that runs, a dialog,
// or a CSP violation) and everything shows as the text it is. Also: the guard itself, links
// that cannot change settings, and the crash overlay after a panic.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./fixtures');
const { HomePage, EditorPage } = require('./pages/app');

const { payloads } = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/xss-payloads.json'), 'utf8'));
const SECTIONS = ['Identité et territoire', 'Gouvernance', 'Partenaires', 'Besoin territorial',
  'Services numériques', 'Modèle économique', 'Budget sur 4 ans', 'Équipe et postes',
  'Rôle de la collectivité', 'Investissement'];

// The payload at position i, cycling through the corpus.
const pick = (i) => payloads[i % payloads.length];

// A dossier whose every text field holds a payload, starting at position `start`: one of
// schema 3, read through the migrations, or (`manufacture`) one of schema 5, a Manufacture
// de proximité with its workshop's texts, a post's funders and how no tension was checked.
function hostileDossier(start, manufacture) {
  let i = start;
  const next = () => pick(i++);
  const years = [100000, 100000, 100000, 100000];
  const base = {
    schema_version: 3,
    name: next(),
    identity: { holder_name: next(), lead_member: next(), commune: next(), epci: next() },
    governance: {
      decision_body: next(), animator: next(),
      members: [{ name: next(), role: next(), category: 'founder' }],
    },
    partners: [{ name: next(), category: 'business', letter_of_support: true }],
    need: {
      networks: [next()], existing_structures: [next()], unmet_needs: [next()],
      tensions: [{ description: next(), mitigation: next() }],
    },
    services: [{ kind: 'other', description: next(), weekly_hours: 4 }],
    economic_model: {
      prices: [{ public: next(), offer: next(), price: 1000, unit: next() }],
      rentable_spaces: [{ name: next(), surface_m2: 20, yearly_rent: 100000 }],
      revenue: [{ source: 'own', label: next(), years }],
      costs: [{ kind: 'other', label: next(), years }],
    },
    staff: [{ role: next(), fte: 100, years: [{ funded_by: next(), secured: true }, {}, {}, {}] }],
    investment: { items: [{ label: next(), cost: 1000000, owner: 'holder', funding: [] }] },
    notes: Object.fromEntries(['identite', 'gouvernance', 'partenaires', 'besoin', 'services']
      .map((slug) => [slug, next()])),
  };
  if (!manufacture) return base;
  const funders = (name) => ({ funders: [{ funder: name, from_call: false, status: 'granted' }] });
  return {
    ...base,
    schema_version: 5,
    call: 'manufacture_proximite',
    need: { ...base.need, no_tension_found: true, no_tension_how: next() },
    staff: [{ role: base.staff[0].role, fte: 100, years: [funders(next()), funders(next()), { funders: [] }, { funders: [] }] }],
    production: { premises_suited: true, premises_description: next(), hr_strategy: next(), machines: [next(), next()] },
  };
}
const FIELDS_PER_DOSSIER = 33;

// Visits every section of the dossier on screen, and its full report when it has one.
async function visitEverything(page, { report }) {
  const editor = new EditorPage(page);
  for (const section of SECTIONS) {
    await editor.openSection(section);
  }
  // A Manufacture's workshop, where there is one.
  if (await editor.section('Atelier de production').count()) {
    await editor.openSection('Atelier de production');
  }
  await page.locator('.criterion summary').first().click();
  if (report) {
    await report();
    await expect(page.getByRole('heading', { name: 'Détail des indicateurs' })).toBeVisible();
    // The dossier de présentation draws the same texts again, as text.
    await page.getByRole('button', { name: /dossier de présentation/i }).click();
    await expect(page.getByTestId('presentation').getByRole('heading', { level: 2 }).first()).toBeVisible();
  }
}

test('the guard fails a test on a CSP violation, a payload that runs or a dialog', async ({ page, hostileGuard }) => {
  await new HomePage(page).goto();
  const ran = await page.evaluate(() => {
    window.__inlineRan = false;
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    return window.__inlineRan;
  });
  expect(ran).toBe(false);
  await expect.poll(() => hostileGuard.join('\n')).toContain('CSP violation: script-src');
  await page.evaluate(() => window.__pwn('probe'));
  await page.evaluate(() => setTimeout(() => alert('probe'), 0));
  await expect.poll(() => hostileGuard.join('\n')).toContain('XSS executed: probe');
  await expect.poll(() => hostileGuard.join('\n')).toContain('dialog opened: alert probe');
  // Seen: cleared, so that this test itself passes.
  hostileGuard.length = 0;
});

test('typed payloads stay text in one-line, multi-line and list fields', async ({ page }) => {
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  // A one-line field and a multi-line one, in the first section.
  const notes = editor.field('Notes sur cette section');
  // A one-line field takes no line break: typed into one, a line break becomes a space.
  const oneLine = (text) => text.replace(/\r\n|\r|\n/g, ' ');
  for (const payload of payloads) {
    await editor.name.fill(payload);
    await notes.fill(payload);
    await expect(editor.name).toHaveValue(oneLine(payload));
    // A text area keeps line breaks, as the browser writes them (a carriage return is a line feed).
    await expect(notes).toHaveValue(payload.replace(/\r\n?/g, '\n'));
    expect(await heading.evaluate((h) => h.textContent)).toBe(oneLine(payload));
  }
  // A row of a list.
  await editor.openSection('Partenaires');
  await editor.add('Ajouter un partenaire');
  const partner = editor.field('Nom du partenaire 1');
  for (const payload of payloads) {
    await partner.fill(payload);
    await expect(partner).toHaveValue(oneLine(payload));
  }
  await editor.saved();
  // Reloaded from storage, the last one is still the same text.
  await page.reload();
  expect(await heading.evaluate((h) => h.textContent)).toBe(oneLine(payloads[payloads.length - 1]));
});

test('imported dossiers, their snapshot links and their reports show payloads as text', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.goto();
  const count = Math.ceil(payloads.length / FIELDS_PER_DOSSIER);
  const dossiers = Array.from({ length: count }, (_, n) => hostileDossier(n * FIELDS_PER_DOSSIER, n % 2 === 1));
  await home.importFile.setInputFiles({
    name: 'hostile.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'fabrique-export', version: 1, dossiers })),
  });
  await expect(page.getByText(`${count} dossiers importés.`)).toBeVisible();
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem('fabrique.index')));
  const base = page.url().split('?')[0].split('#')[0];

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  for (const [n, id] of ids.entries()) {
    await page.goto(`${base}?dossier=${id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((h) => h.textContent)).toBe(dossiers[n].name);
    await visitEverything(page, {
      report: async () => {
        await page.getByRole('button', { name: 'Auto-évaluation', exact: true }).click();
        await page.getByRole('button', { name: 'Voir le rapport complet' }).click();
      },
    });
    await page.goto(`${base}?dossier=${id}`);
    await page.getByRole('button', { name: 'Partager' }).click();
    const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

    await partnerPage.goto(link);
    await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
    const shown = partnerPage.getByRole('heading', { level: 1 });
    expect(await shown.evaluate((h) => h.textContent)).toBe(dossiers[n].name);
    await visitEverything(partnerPage, {
      report: async () => partnerPage.getByRole('button', { name: 'Rapport complet' }).click(),
    });
  }
  await partner.close();
});

test('reply links carrying payloads show them as text, before and after merging', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.goto();
  await home.newDossier.click();
  const editor = new EditorPage(page);
  await editor.name.fill('Tiers-lieu exposé');
  await editor.saved();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await partnerPage.goto(link);
  await partnerPage.getByRole('button', { name: 'Répondre en tant que partenaire' }).click();
  // Organisations are short (200 characters at most): the corpus's short payloads go there.
  const short = payloads.filter((p) => p.trim() && p.length <= 200);
  const perReply = SECTIONS.length + 2;
  const replies = Math.ceil(payloads.length / perReply);
  for (let r = 0; r < replies; r++) {
    const organisation = short[r % short.length];
    await partnerPage.getByLabel('Votre organisation (obligatoire)').fill(organisation);
    await partnerPage.getByLabel('Votre nom et votre fonction').fill(pick(r * perReply).slice(0, 200));
    for (const [s, section] of SECTIONS.entries()) {
      await partnerPage.getByLabel(section, { exact: true }).fill(pick(r * perReply + 1 + s));
    }
    await partnerPage.getByRole('button', { name: 'Créer le lien de réponse' }).click();
    const reply = await partnerPage.getByLabel('Lien de réponse à envoyer au porteur du projet').inputValue();

    await page.goto(reply);
    const review = page.getByTestId('review');
    await expect(review).toBeVisible();
    expect(await review.evaluate((r) => r.textContent)).toContain(organisation.trim());
    await page.getByRole('button', { name: "Intégrer l'avis au dossier" }).click();
    await expect(page.getByTestId('reply-merged')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await visitEverything(page, {});
  await editor.openSection('Partenaires');
  await expect(page.getByTestId('received-reviews')).toContainText(`Avis reçus des partenaires (${replies})`);
  await partner.close();
});

test('the CSV and Markdown downloads of a received snapshot cannot run a formula nor change the document', async ({ page, browser }) => {
  // Labels from the corpus's formulas and Markdown, in a dossier that arrives by link.
  const hostile = payloads.filter((p) => /^[=+\-@\t\r]/.test(p) || /\]\(|^!\[|\n# |<https|\n\|/.test(p));
  expect(hostile.length).toBeGreaterThanOrEqual(8);
  const years = [100000, 100000, 100000, 100000];
  const dossier = {
    schema_version: 6,
    name: '[Cliquez ici](javascript:__pwn(1)) # Titre',
    economic_model: {
      revenue: hostile.map((label, i) => ({ source: i % 2 ? 'other_public' : 'own', label, years })),
      costs: hostile.map((label) => ({ kind: 'other', label, years })),
    },
    notes: { budget: hostile.join(' ') },
  };
  const home = new HomePage(page);
  await home.goto();
  await home.importFile.setInputFiles({
    name: 'formules.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'fabrique-export', version: 1, dossiers: [dossier] })),
  });
  await expect(page.getByText('1 dossier importé.')).toBeVisible();
  await home.dossierLink(dossier.name).click();
  await page.getByRole('button', { name: 'Partager' }).click();
  const link = await page.getByLabel('Lien de partage', { exact: true }).inputValue();

  const partner = await browser.newContext({ acceptDownloads: true });
  const partnerPage = await partner.newPage();
  await partnerPage.goto(link);
  await expect(partnerPage.getByText('Instantané en lecture seule')).toBeVisible();
  await partnerPage.getByRole('button', { name: 'Rapport complet' }).click();
  const download = async (name) => {
    const [file] = await Promise.all([
      partnerPage.waitForEvent('download'),
      partnerPage.getByRole('button', { name }).click(),
    ]);
    return fs.readFileSync(await file.path(), 'utf8');
  };
  // Cells as a spreadsheet reads them: `;` between cells, quoted cells may hold `;`.
  const cells = (csv) => {
    const out = [];
    for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
      for (const match of line.matchAll(/"((?:[^"]|"")*)"|([^;]*)/g)) {
        if (match.index > 0 && line[match.index - 1] !== ';') continue;
        out.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]);
      }
    }
    return out;
  };
  for (const name of ['Budget (CSV)', 'Plan de financement (CSV)']) {
    const csv = await download(name);
    const all = cells(csv);
    const dangerous = all.filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-[0-9]+([.,][0-9]+)?$/.test(cell)));
    expect(dangerous, name).toEqual([]);
    if (name === 'Budget (CSV)') {
      // The labels are there, as text.
      expect(all).toContain(`'${hostile[0]}`);
    }
  }
  const markdown = await download('Télécharger en Markdown');
  // No line that the dossier's text started: no injected heading, list item or table row.
  const lines = markdown.split('\n');
  expect(lines.filter((line) => line.startsWith('# Titre') || line.startsWith('- élément') || line.startsWith('|'))).toEqual([]);
  // No link: every bracket of the dossier's text is escaped.
  expect(markdown).not.toMatch(/(^|[^\\])\]\(/m);
  expect(markdown).toContain('\\[Cliquez ici\\]');
  await partner.close();
});

test('a link never changes the settings nor the dossiers', async ({ page, browser }) => {
  // The sender evaluates with their own weights.
  const sender = await browser.newContext();
  const senderPage = await sender.newPage();
  await new HomePage(senderPage).goto();
  await senderPage.getByRole('link', { name: 'Réglages' }).click();
  await senderPage.getByLabel('Poids du critère Modèle économique').fill('80');
  await senderPage.getByLabel('Poids du critère Modèle économique').blur();
  await expect.poll(() => senderPage.evaluate(() => localStorage.getItem('fabrique.settings'))).toContain('80');
  await new HomePage(senderPage).goto();
  await new HomePage(senderPage).openExample.click();
  await senderPage.getByRole('button', { name: 'Partager' }).click();
  const link = await senderPage.getByLabel('Lien de partage', { exact: true }).inputValue();
  await sender.close();

  // The recipient reads it in English, with the default weights.
  const home = new HomePage(page);
  await home.goto();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByLabel("Langue de l'application").selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.goto(link);
  await expect(page.getByText('Read-only snapshot')).toBeVisible();
  await expect(page.getByText('Evaluated with the weights the sender chose.')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The app has drawn the link again (index.html's first screen sets the language before it).
  await expect(page.locator('#first-screen')).toHaveCount(0);
  await expect(page.getByText('Read-only snapshot')).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test.describe('after a panic', () => {
  test.use({ allowPageErrors: true });

  test('the overlay downloads the stored dossiers and reloads the app', async ({ page, browser }) => {
    await page.addInitScript(() => localStorage.setItem('fabrique.test-hooks', '1'));
    const home = new HomePage(page);
    await home.goto();
    await home.openExample.click();
    const editor = new EditorPage(page);
    await expect(editor.verdict).toBeVisible();
    const name = await editor.name.inputValue();
    await editor.saved();

    await page.evaluate(() => {
      try { window.fabriqueTestPanic(); } catch (error) { return String(error); }
      return 'no panic';
    });
    const overlay = page.getByRole('alertdialog', { name: 'Fabrique s’est arrêtée à cause d’une erreur.' });
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('panique de test');

    const downloading = page.waitForEvent('download');
    await overlay.getByRole('button', { name: 'Télécharger mes données' }).click();
    const download = await downloading;
    const file = await download.path();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved.format).toBe('fabrique-export');
    expect(saved.dossiers.map((d) => d.name)).toEqual([name]);
    expect(Object.keys(saved.raw)).toContain('fabrique.index');

    // The file is an export: another browser imports it.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const otherHome = new HomePage(otherPage);
    await otherHome.goto();
    await otherHome.importFile.setInputFiles(file);
    await expect(otherHome.dossierLink(name)).toBeVisible();
    await other.close();

    await overlay.getByRole('button', { name: 'Recharger' }).click();
    await expect(overlay).toHaveCount(0);
    await expect(editor.name).toHaveValue(name);
  });
});
