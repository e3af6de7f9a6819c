// `make bench`, phone side: Lighthouse (npm `lighthouse`, pinned) in Debian's Chromium on
// Fabrique's home, an editor with a dossier and a received link, beside the Leptos floor,
// every page served by nginx as in production (scripts/bench.js starts it). Then, under the
// same throttling as Lighthouse's mobile preset applied for real (CPU 4× slower, slow 4G),
// the time from navigation to the app's own mark `fabrique:first-screen` (the home drawn
// with its handlers: interactive), cold and on a second visit. BENCHMARKS.md explains each.
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

// Lighthouse's own "devtools" throttling for its mobile preset (slow 4G, 4× CPU):
// constants.throttling.mobileSlow4G in lighthouse-core.
export const THROTTLING = {
  latencyMs: 150 * 3.75,
  downloadKbps: 1.6 * 1024 * 0.9,
  uploadKbps: 750 * 0.9,
  cpuSlowdown: 4,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// One Lighthouse run (performance only, mobile preset, simulated throttling) in a fresh
// browser: the score, the paints, the blocking time, and the host's CPU index. `seed` ({ script, arg }) runs before
// the page's own scripts, on every document.
async function lighthouseRun(url, seed) {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    if (seed) await page.evaluateOnNewDocument(seed.script, seed.arg);
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      undefined, page);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      lcp: audit('largest-contentful-paint'),
      fcp: audit('first-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      // Lighthouse's measure of the host's CPU (higher is faster): its simulated TBT and
      // LCP multiply the tasks it observed here by 4, so they follow the machine.
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet
        ?? null,
    };
  } finally {
    await browser.close();
  }
}

// Before Lighthouse measures a page, one visit checks that it is the screen meant (the
// editor with its dossier, the received snapshot…), not an error the app put in its place.
async function checkScreen(url, seed, shows) {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    if (seed) await page.evaluateOnNewDocument(seed.script, seed.arg);
    await page.goto(url);
    await page.waitForSelector(shows, { timeout: 60000 });
  } catch (error) {
    throw new Error(`Lighthouse: ${url} does not show ${shows}: ${error.message}`);
  } finally {
    await browser.close();
  }
}

// The median of `runs` Lighthouse runs of one page (each figure's own median), once the
// page is checked to show `shows` (a CSS selector).
export async function lighthousePage(url, runs, { seed, shows }) {
  await checkScreen(url, seed, shows);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseRun(url, seed));
  const figure = (key) => median(results.map((result) => result[key]));
  return {
    performance: figure('performance'), lcp: figure('lcp'), fcp: figure('fcp'), tbt: figure('tbt'),
    cls: figure('cls'), runs: results,
  };
}

// Navigation start to the mark `fabrique:first-screen`, throttled for real; then, in the
// same browser, a second visit (served by the service worker where the app has one, by the
// HTTP cache otherwise).
async function throttledVisit(url, withServiceWorker) {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLING.latencyMs,
      downloadThroughput: (THROTTLING.downloadKbps * 1024) / 8,
      uploadThroughput: (THROTTLING.uploadKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    // The largest contentful paint as the browser reports it under this throttling (not
    // simulated): the last candidate once the screen is interactive.
    await page.evaluateOnNewDocument(() => {
      window.benchLargestPaint = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLargestPaint = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const visit = async () => {
      await page.goto(url, { timeout: 120000 });
      await page.waitForFunction(() => performance.getEntriesByName('fabrique:first-screen').length > 0,
        { timeout: 120000, polling: 50 });
      return page.evaluate(() => performance.getEntriesByName('fabrique:first-screen')[0].startTime);
    };
    const first = await visit();
    // Read once the frames after the mark have been presented (LCP entries follow them).
    const largestPaint = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(
      () => requestAnimationFrame(() => setTimeout(() => resolve(window.benchLargestPaint), 0)))));
    // The app's service worker is installed (its install precached the bundle) before the
    // second visit; the floor has none and is served from the HTTP cache.
    if (withServiceWorker) await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const second = await visit();
    const serviceWorker = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
    return { first, second, serviceWorker, largestPaint };
  } finally {
    await browser.close();
  }
}

// `loads` throttled visits of each app, interleaved: the medians, cold and second visit.
export async function interactiveHome(appUrl, floorUrl, loads) {
  const app = [];
  const floor = [];
  for (let i = 0; i < loads; i++) {
    app.push(await throttledVisit(appUrl, true));
    floor.push(await throttledVisit(floorUrl, false));
  }
  const summary = (visits) => ({
    cold: median(visits.map((visit) => visit.first)),
    second: median(visits.map((visit) => visit.second)),
    // None when the browser reported no largest paint in any visit.
    largestPaint: visits.some((visit) => visit.largestPaint !== null)
      ? median(visits.map((visit) => visit.largestPaint).filter((time) => time !== null)) : null,
    servedByServiceWorker: visits.every((visit) => visit.serviceWorker),
    visits,
  });
  return { app: summary(app), floor: summary(floor) };
}
