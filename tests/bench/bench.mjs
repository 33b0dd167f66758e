#!/usr/bin/env node
// `make bench`: Lighthouse 12.2.3 (mobile settings, Debian Chromium) on the release build served
// locally, and the time the estimator takes to show a new quote after an input changes.
//
// The site is served as the README tells deployers to serve it: over HTTPS with HTTP/2 (a
// throwaway self-signed certificate made with openssl), every file precompressed with brotli.
// BENCH_HTTP1=1 serves plain HTTP/1.1 instead, to see what a deployment without HTTP/2 gets.
// Each page is measured RUNS times and the run with the median LCP is reported, as Lighthouse's
// guidance on variability advises.
//
// Prints one table (the README's "Speed" section is this output), then checks the budgets:
// performance >= 95, accessibility = 100, LCP <= 2.0 s, CLS <= 0.02 on every page. Exit 1 when
// one is missed. A benchmark that prints figures, not a test: it is not part of `make test`.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { precompress, startServer } from '../e2e/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors'];
const PAGES = ['/', '/estimate', '/apply', '/embed/estimate'];
const RUNS = Number(process.env.BENCH_RUNS || 3);
const BUDGET = { performance: 95, accessibility: 100, lcpMs: 2000, cls: 0.02 };

const certDir = mkdtempSync(join(tmpdir(), 'bench-cert-'));
const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
  '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'),
  '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
if (made.status !== 0) {
  console.error(`bench: could not make a self-signed certificate with openssl (${made.error?.message ?? made.stderr})`);
  process.exit(2);
}
const tls = { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) };
rmSync(certDir, { recursive: true, force: true });

const root = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
precompress(root);
const server = await startServer({ port: 0, root, tls: process.env.BENCH_HTTP1 ? undefined : tls });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const rows = [];
const median = (runs, key) => [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)];
try {
  for (const path of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(path));
    const lcps = runs.map((r) => `${(r.lcpMs / 1000).toFixed(2)}`).join(', ');
    rows.push({ ...median(runs, 'lcpMs'), lcps });
  }
} finally {
  await chrome.kill();
}

/** One Lighthouse run of `path`: the figures of the table. */
async function measure(path) {
  const { lhr } = await lighthouse(`${server.url}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    formFactor: 'mobile',
    screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    throttlingMethod: 'simulate',
  });
  const a = lhr.audits;
  return {
    page: path,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
    lcpMs: a['largest-contentful-paint'].numericValue,
    tbtMs: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    bytes: a['total-byte-weight'].numericValue,
  };
}

// The estimator: median time from an input change to the new total in the page, over 1,000 changes.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith('--headless')) });
let recompute = NaN;
try {
  const page = await browser.newPage({ ignoreHTTPSErrors: true });
  await page.goto(`${server.url}/estimate?member=yes&dues=yes&country=ESP`);
  await page.locator('[data-testid=fee-total]').waitFor();
  recompute = await page.evaluate(async () => {
    const input = document.querySelector('#people');
    const total = document.querySelector('[data-testid=fee-total]');
    const times = [];
    for (let i = 0; i < 1000; i++) {
      const people = String((i % 20) + 1 === Number(input.value) ? ((i + 1) % 20) + 1 : (i % 20) + 1);
      const changed = new Promise((resolve) => {
        const o = new MutationObserver(() => { o.disconnect(); resolve(); });
        o.observe(total, { attributes: true, attributeFilter: ['data-amount'] });
      });
      const start = performance.now();
      input.value = people;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.race([changed, new Promise((r) => setTimeout(r, 1000))]);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[500];
  });
} finally {
  await browser.close();
  await server.close();
}

const pad = (s, n) => String(s).padEnd(n);
const fmt = (r) => `| ${pad(r.page, 16)} | ${pad(r.performance, 11)} | ${pad(r.accessibility, 13)} | ${pad(r.bestPractices, 14)} | ${pad(`${(r.lcpMs / 1000).toFixed(2)} s`, 7)} | ${pad(`${Math.round(r.tbtMs)} ms`, 7)} | ${pad(r.cls.toFixed(3), 5)} | ${pad(`${(r.bytes / 1000).toFixed(1)} KB`, 11)} |`;
console.log('| Page             | Performance | Accessibility | Best practices | LCP     | TBT     | CLS   | Total bytes |');
console.log('| ---------------- | ----------- | ------------- | -------------- | ------- | ------- | ----- | ----------- |');
rows.forEach((r) => console.log(fmt(r)));
console.log('');
console.log(`LCP of each run (the table shows the median run): ${rows.map((r) => `${r.page} ${r.lcps} s`).join('; ')}`);
console.log(`Estimate recompute (input change to new total in the page): median ${recompute.toFixed(2)} ms over 1,000 changes`);

const missed = [];
for (const r of rows) {
  if (r.performance < BUDGET.performance) missed.push(`${r.page}: performance ${r.performance} < ${BUDGET.performance}`);
  if (r.accessibility < BUDGET.accessibility) missed.push(`${r.page}: accessibility ${r.accessibility} < 100`);
  if (r.lcpMs > BUDGET.lcpMs) missed.push(`${r.page}: LCP ${(r.lcpMs / 1000).toFixed(2)} s > 2.0 s`);
  if (r.cls > BUDGET.cls) missed.push(`${r.page}: CLS ${r.cls.toFixed(3)} > 0.02`);
}
if (missed.length) {
  console.error(`\nbench budgets missed:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log('bench budgets: OK (performance >= 95, accessibility 100, LCP <= 2.0 s, CLS <= 0.02)');
