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
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory dist`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      // The server's request log is noise; a server that fails to start still fails the run.
      stdout: 'ignore',
      stderr: 'ignore',
      timeout: 30_000,
    },
    {
      command: `mkdir -p target/e2e-subpath && ln -sfn ../../dist target/e2e-subpath/fabrique && python3 -m http.server ${SUBPATH_PORT} --bind 127.0.0.1 --directory target/e2e-subpath`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/fabrique/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
      timeout: 30_000,
    },
    {
      command: `mkdir -p target/e2e-update && python3 -m http.server ${UPDATE_PORT} --bind 127.0.0.1 --directory target/e2e-update`,
      url: `http://127.0.0.1:${UPDATE_PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
      timeout: 30_000,
    },
  ],
});
