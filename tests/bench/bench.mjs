#!/usr/bin/env node
// `make bench`: Lighthouse 12.2.3 (mobile, Debian Chromium) on the release build, every route in
// every language, against the same page as plain HTML; and the estimator's recompute time.
//
// The site is served as the README tells deployers to serve it: HTTPS with HTTP/2 (a throwaway
// self-signed certificate made with openssl), every file precompressed with brotli. Beside it, at
// /__plain/, the same pages with every <script> removed (a copy of dist/ made here): "the same page
// as plain HTML", served by the same server in the same run.
//
// For each route, language and throttling method (simulated, applied), the app page and the plain
// page are measured RUNS times, interleaved (app, plain, app, plain…), and the medians reported:
// LCP of both, their ratio, the app's FCP, TBT and bytes. Prints one table per method (the README's
// "Speed" section is this output) and exits 1 when a simulated ratio exceeds 1.10 (issue: LCP
// within 10 % of plain HTML), or the app's accessibility score is below 100.
//
// Knobs (environment): BENCH_RUNS (3), BENCH_METHODS ("simulate,devtools"), BENCH_LANGS
// ("en,fr,es"), BENCH_ROUTES (comma-separated, default every route), BENCH_HTTP1=1 (plain HTTP/1.1).
// A benchmark that prints figures, not a test: it is not part of `make test`. The full run (42
// pages × 2 × 2 methods × 3 runs) takes about an hour on a 2-core machine.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';
import { precompress, startServer } from '../e2e/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors'];
const STEPS = ['about-you', 'organisation', 'motivation', 'registration', 'declarations'];
const ALL_ROUTES = ['/', '/estimate', '/refund', '/apply', ...STEPS.map((s) => `/apply/${s}`), '/apply/check',
  '/apply/done', '/embed/estimate', '/404'];
const list = (v, d) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : d);
const ROUTES = list(process.env.BENCH_ROUTES, ALL_ROUTES);
const LANGS = list(process.env.BENCH_LANGS, ['en', 'fr', 'es']);
const METHODS = list(process.env.BENCH_METHODS, ['simulate', 'devtools']);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const MAX_RATIO = 1.1;
const PLAIN = '/__plain';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const root = join(repo, 'dist');
if (!statSync(join(root, '.templates'), { throwIfNoEntry: false })) {
  console.error('bench: dist/ is not a built site; run `make build` first');
  process.exit(2);
}

// The plain copy: every HTML page with its scripts removed; everything else as built.
const plainRoot = join(repo, 'target', 'bench-plain');
rmSync(plainRoot, { recursive: true, force: true });
cpSync(root, plainRoot, { recursive: true });
for (const entry of readdirSync(plainRoot, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
  const file = join(entry.parentPath ?? entry.path, entry.name);
  const html = readFileSync(file, 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  writeFileSync(file, html);
}

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

precompress(root);
precompress(plainRoot);
mkdirSync(plainRoot, { recursive: true });
const server = await startServer({
  port: 0,
  mounts: [{ prefix: `${PLAIN}/`, root: plainRoot }, { prefix: '/', root }],
  tls: process.env.BENCH_HTTP1 ? undefined : tls,
});
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });

const pageUrl = (lang, route) => `${lang === 'en' ? '' : `/${lang}`}${route === '/' ? '/' : route}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One Lighthouse run. */
async function measure(url, method) {
  const { lhr } = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    formFactor: 'mobile',
    screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    throttlingMethod: method,
    // The not-found page answers 404 on purpose; Lighthouse would otherwise refuse to measure it.
    ignoreStatusCode: true,
  });
  const a = lhr.audits;
  return {
    lcp: a['largest-contentful-paint'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    bytes: a['total-byte-weight'].numericValue,
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
  };
}

const rows = [];
try {
  for (const method of METHODS) {
    for (const lang of LANGS) {
      for (const route of ROUTES) {
        const path = pageUrl(lang, route);
        const app = [];
        const plain = [];
        for (let run = 0; run < RUNS; run++) {
          app.push(await measure(`${server.url}${path}`, method));
          plain.push(await measure(`${server.url}${PLAIN}${path}`, method));
        }
        const row = {
          method, lang, route, path,
          appLcp: median(app.map((r) => r.lcp)),
          plainLcp: median(plain.map((r) => r.lcp)),
          fcp: median(app.map((r) => r.fcp)),
          tbt: median(app.map((r) => r.tbt)),
          bytes: median(app.map((r) => r.bytes)),
          accessibility: Math.min(...app.map((r) => r.accessibility)),
        };
        row.ratio = row.appLcp / row.plainLcp;
        rows.push(row);
        console.error(`bench: ${method} ${path} app ${Math.round(row.appLcp)} ms, plain ${Math.round(row.plainLcp)} ms`);
      }
    }
  }
} finally {
  await chrome.kill();
}

// The estimator: median time from an input change to the new total in the page, over 1,000 changes.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith('--headless')) });
let recompute = NaN;
try {
  const page = await browser.newPage({ ignoreHTTPSErrors: true });
  await page.goto(`${server.url}/estimate?member=yes&dues=yes&country=ESP`);
  await page.locator('[data-testid=fee-total]').waitFor();
  // The app takes the page over after load; give it that time before timing changes.
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
  recompute = await page.evaluate(async () => {
    const total = document.querySelector('[data-testid=fee-total]');
    const input = document.querySelector('input[type=number], input[inputmode=numeric]');
    if (!total || !input) return NaN;
    const times = [];
    for (let i = 0; i < 1000; i++) {
      const next = String((i % 20) + 1 === Number(input.value) ? ((i + 1) % 20) + 1 : (i % 20) + 1);
      const changed = new Promise((done) => {
        const o = new MutationObserver(() => { o.disconnect(); done(); });
        o.observe(total, { attributes: true, attributeFilter: ['data-amount'] });
      });
      const start = performance.now();
      input.value = next;
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

const ms = (v) => `${Math.round(v)} ms`;
for (const method of METHODS) {
  console.log(`\n${method === 'simulate' ? 'Simulated' : 'Applied'} throttling (Lighthouse ${method}), medians of ${RUNS} interleaved runs:\n`);
  console.log('| route | app LCP | plain-HTML LCP | ratio | app FCP | TBT | bytes |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows.filter((x) => x.method === method)) {
    console.log(`| \`${r.path}\` | ${ms(r.appLcp)} | ${ms(r.plainLcp)} | ${r.ratio.toFixed(2)} | ${ms(r.fcp)} | ${ms(r.tbt)} | ${(r.bytes / 1000).toFixed(1)} KB |`);
  }
}
console.log(`\nEstimate recompute (input change to new total in the page): median ${recompute.toFixed(2)} ms over 1,000 changes`);

const missed = [];
for (const r of rows) {
  if (r.method === 'simulate' && r.ratio > MAX_RATIO) missed.push(`${r.path}: LCP ratio ${r.ratio.toFixed(2)} > ${MAX_RATIO}`);
  if (r.accessibility < 100) missed.push(`${r.path} (${r.method}): accessibility ${r.accessibility} < 100`);
}
if (missed.length) {
  console.error(`\nbench budgets missed:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log(`bench budgets: OK (simulated LCP within ${Math.round((MAX_RATIO - 1) * 100)} % of plain HTML on every page; accessibility 100)`);
