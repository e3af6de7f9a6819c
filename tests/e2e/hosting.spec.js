// Hosted as users host it: the bundle behind nginx with deploy/nginx/ (playwright.config.js
// starts it). Every response carries the security headers; the wasm arrives precompressed
// with its MIME type; hashed files are kept a year, so a second visit downloads none of
// them; deploy/_headers says the same as nginx sends.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./fixtures');
const { HomePage } = require('./pages/app');

// Trunk's hashes have no leading zeros: 1 to 16 hexadecimal digits.
// The release page has no other hashed file: its style sheet and first-screen.js are in it,
// and first-screen.js starts the bundle (scripts/loader.py).
const HASHED = /\/fabrique-(app|home)-[0-9a-f]{1,16}(_bg)?\.(js|wasm)$/;

// The headers of deploy/_headers's "/*" rule, by lower-case name.
function headersForEveryPath() {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'deploy', '_headers'), 'utf8');
  const rule = text.split(/\n(?=\/)/).find((block) => block.startsWith('/*\n'));
  return Object.fromEntries(rule.split('\n').slice(1).filter((line) => line.trim())
    .map((line) => line.trim().split(/:\s(.*)/s).slice(0, 2))
    .map(([name, value]) => [name.toLowerCase(), value]));
}

// Service workers blocked: these are what the HTTP server and the browser's cache do alone.
test.use({ serviceWorkers: 'block' });

test('every response carries the headers, the wasm arrives as brotli, hashed files are kept', async ({ page }) => {
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const home = new HomePage(page);
  // Mounted: the bundle's module and wasm have both arrived.
  await home.goto();

  const expected = headersForEveryPath();
  expect(Object.keys(expected)).toEqual(expect.arrayContaining(['content-security-policy', 'x-content-type-options',
    'referrer-policy', 'permissions-policy', 'x-frame-options']));
  expect(expected['content-security-policy']).toContain("frame-ancestors 'none'");
  const own = responses.filter((response) => response.url().startsWith(page.url().split('?')[0]));
  // The page, panic.js, the bundle's module and wasm, the icon and the manifest.
  expect(own.length).toBeGreaterThanOrEqual(5);
  for (const response of own) {
    const headers = await response.allHeaders();
    for (const [name, value] of Object.entries(expected)) {
      expect(headers[name], `${name} of ${response.url()}`).toBe(value);
    }
  }
  const page_ = own.find((response) => response.request().resourceType() === 'document');
  expect((await page_.allHeaders())['cache-control']).toBe('no-cache');
  // The page's own policy says the same as the header, less what only a header can say.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(`${meta}; frame-ancestors 'none'`).toBe(expected['content-security-policy']);

  const wasm = own.find((response) => response.url().endsWith('.wasm'));
  const wasmHeaders = await wasm.allHeaders();
  expect(wasmHeaders['content-type']).toBe('application/wasm');
  expect(wasmHeaders['content-encoding']).toBe('br');
  const hashed = own.filter((response) => HASHED.test(response.url()));
  // The first visit's bundle, its module and its wasm; no style sheet or loader of its own.
  expect(hashed.map((response) => response.url().replace(/.*\/fabrique-home-[0-9a-f]+/, '')).sort())
    .toEqual(['.js', '_bg.wasm']);
  expect(own.filter((response) => /\.css$|\/loader-/.test(response.url()))).toEqual([]);
  for (const response of hashed) {
    expect((await response.allHeaders())['cache-control'], response.url()).toBe('public, max-age=31536000, immutable');
  }
  const worker = await page.request.get('sw.js');
  expect(worker.headers()['cache-control']).toBe('no-store');
  expect(worker.headers()['content-type']).toMatch(/^application\/javascript/);
  const manifest = await page.request.get('manifest.webmanifest');
  expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);

  // A second visit: the page is asked again, no hashed file is downloaded again.
  await page.evaluate(() => performance.clearResourceTimings());
  await page.goto(page.url());
  await home.mounted();
  const transfers = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => ({ name: entry.name, transferSize: entry.transferSize })));
  const again = transfers.filter((entry) => HASHED.test(entry.name));
  expect(again.length).toBe(2);
  for (const entry of again) {
    expect(entry.transferSize, entry.name).toBe(0);
  }
});
