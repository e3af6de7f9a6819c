// The fixtures every spec uses: Playwright's, plus a guard that fails the test on anything
// hostile input must never cause — a Content-Security-Policy violation, a script that runs
// from data (the XSS corpus calls __pwn() or alert()), an uncaught page error — in the
// test's own browser context and in every context it opens.
const base = require('@playwright/test');

// In every page, before the app: __pwn reports a payload that ran, and CSP violations are
// reported on the console (they are events, which a console listener would not see).
function armPage() {
  window.__pwn = (tag) => console.error(`XSS executed: ${tag}`);
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  });
}

const test = base.test.extend({
  // Tests that cause a page error on purpose (a panic) say so.
  allowPageErrors: [false, { option: true }],
  hostileGuard: [async ({ browser, context, allowPageErrors }, use) => {
    const problems = [];
    const watchPage = (page) => {
      page.on('console', (message) => {
        const text = message.text();
        if (/XSS executed|CSP violation|Content Security Policy/.test(text)) problems.push(text);
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.type()} ${dialog.message()}`);
        dialog.dismiss().catch(() => {});
      });
      page.on('pageerror', (error) => {
        if (!allowPageErrors) problems.push(`page error: ${error.message}`);
      });
    };
    const watchContext = async (watched) => {
      await watched.addInitScript(armPage);
      watched.on('page', watchPage);
      watched.pages().forEach(watchPage);
    };
    await watchContext(context);
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const created = await newContext(...args);
      await watchContext(created);
      return created;
    };
    await use(problems);
    browser.newContext = newContext;
    base.expect(problems, 'CSP violations, payloads that ran, or page errors').toEqual([]);
  }, { auto: true }],
});

module.exports = { test, expect: base.expect };
