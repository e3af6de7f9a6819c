// End-to-end tests drive the release build in dist/ with Debian's Chromium: never a
// downloaded browser (there is no network here but the package registries).
const { defineConfig } = require('@playwright/test');

const PORT = Number(process.env.E2E_PORT || 4173);
// The same build served under a sub-path, as a static host would.
const SUBPATH_PORT = PORT + 1;
// Builds A and B of the update test, switched under /app/ while a page is open.
const UPDATE_PORT = PORT + 2;

module.exports = defineConfig({
  testDir: 'tests/e2e',
  // The machines are slow and shared: generous timeouts, but tests wait on conditions.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  // The bundle behind nginx, configured as a user would host it (deploy/nginx/): real
  // compression, caching and headers. One nginx, three servers: the root, a sub-path, and
  // builds A and B of the update test, switched under /app/ while a page is open.
  webServer: {
    command: 'mkdir -p target/e2e-subpath target/e2e-update && ln -sfn ../../dist target/e2e-subpath/fabrique'
      + ` && scripts/nginx.sh target/nginx-e2e ${PORT}:dist ${SUBPATH_PORT}:target/e2e-subpath`
      + ` ${UPDATE_PORT}:target/e2e-update`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    // nginx's own errors (a configuration it refuses) stay visible.
    stderr: 'pipe',
    timeout: 30_000,
  },
});
