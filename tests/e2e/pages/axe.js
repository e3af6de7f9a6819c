// axe-core on the page as it is: the serious and critical violations of WCAG 2.1 A and AA.
const fs = require('fs');

// Evaluated through the DevTools protocol, as the page's CSP rightly refuses inline scripts.
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

module.exports = { seriousViolations };
