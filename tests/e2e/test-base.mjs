// The test every spec uses: a fixed clock, no unexplained error, and the site's own security policy.
//
//   import { test, expect, gotoSite } from './test-base.mjs';
//   test('the estimator shows the early bird', async ({ page }) => {
//     await gotoSite(page, 'open', '/estimate');          // the `open` site, its clock: 2026-04-15 10:00 Barcelona
//     …
//   });
//
// For every test, in every page and frame of its browser context:
//
// * A fixed clock. The browser's clock is installed (Playwright `clock.install`: Date starts at the
//   site's instant and then runs, so Leptos's timers, the loader's animation frame and retry delays
//   work as in life) at the instant of the site the test opens: sites.mjs's VARIANTS[name].now, 10:00
//   in Barcelona on that site's day, the day its pages were rendered for and its receiver's
//   INTAKE_NOW. gotoSite installs it before the first navigation; `test.use({ site: 'closed' })`
//   installs it before the test starts (for tests that open pages themselves); `test.use({ clockTime:
//   '2026-10-16T21:59:00Z' })` starts it at another instant (a page left open past midnight). A page of
//   a site opened without a clock, or with the clock of another day, fails the test. `root` (the build
//   as shipped) is the one site on the real date: a test opens it only with test.use({ realClock: true }).
// * No console error and no failed request (a network error, or an HTTP status >= 400), unless the
//   test names that exact URL as expected: test.use({ expectedFailures: [url] }) or
//   expectFailure(url) before the request. A console error is excused only when its source is such a
//   URL (Chromium's "Failed to load resource" for it) or its text contains the whole URL (the app
//   saying that a data file it fetched cannot be used: the file was served, its content failed). An
//   expected URL that failed in none of these ways fails the test: it expects something that did
//   not happen. Uncaught page errors always fail. Requests the browser abandons (net::ERR_ABORTED: a
//   navigation cancels the previous page's fetches) are not failures.
// * The security policy: every HTML answer of the e2e servers carries a Content-Security-Policy
//   header equal to the one its site's csp.json gives that file ("embed" for the files csp.json lists
//   in embed_pages, "pages" for the others; the file is the one the server names in X-E2E-File).
//
// Helpers: gotoSite(page, name, path) and siteURL(name, path) for a site ({ spa: true }: from the
// bare SPA host); gotoPartner(page, name) for the partner page framing a site's estimators (on that
// site's clock); expectFailure(url); newContext(browser) for a context the test makes itself (only
// contexts made that way are watched).
//
// Which site for which test: `open` for the product as applicants use it (early bird running);
// `upcoming`, `closed`, `in-progress`, `ended` for the calendar; `figures` for changed figures;
// `diploma` for a sub-path deployment; `broken` and `stale` for data deployed after the build;
// `quick` for submission timeouts; `brochure` for the brochure's own edition and refund cases (no
// contact address); `root` only for the real-date smoke test (sites.mjs has the days).
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN, PARTNER_ORIGIN, SPA_ORIGIN } from './addresses.mjs';
import { CLOCKS, SITES_DIR, VARIANTS, siteURL as urlOf, variant, variantOf } from './sites.mjs';

export { expect, VARIANTS, CLOCKS, ORIGIN, SPA_ORIGIN, PARTNER_ORIGIN };

/** Barcelona's day of an instant (YYYY-MM-DD). */
const barcelonaDay = (instant) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant));

const policies = new Map();
/** csp.json of a site: { pages, embed, embed_pages }. */
function cspOf(name) {
  if (!policies.has(name)) policies.set(name, JSON.parse(readFileSync(join(SITES_DIR, name, 'csp.json'), 'utf8')));
  return policies.get(name);
}

// The test running in this worker (one at a time) and what it has seen.
let current = null;
// Per context: the instant its clock was installed at, or 'real'.
const clocks = new WeakMap();

/** Installs the fixed clock of `name` (or `time`) in `context`; checks a second site agrees. */
async function installClock(context, name, time) {
  const v = variant(name);
  const at = clocks.get(context);
  if (at !== undefined) return at;
  if (v.now === null && !time) {
    if (!current?.realClock) {
      throw new Error(`the site "${name}" runs on the real date: say so with test.use({ realClock: true }), or open a fixed-clock site`);
    }
    clocks.set(context, 'real');
    return 'real';
  }
  const instant = time || v.now;
  await context.clock.install({ time: new Date(instant) });
  clocks.set(context, instant);
  return instant;
}

/** Attaches the checks to a browser context. */
function watch(context) {
  const state = current;
  if (!state || state.contexts.has(context)) return;
  state.contexts.add(context);
  const problem = (p) => state.problems.push(p);
  const expected = (url) => state.expected.has(url);
  const failedAsExpected = (url) => state.failed.add(url);

  context.on('weberror', (err) => problem(`uncaught page error: ${err.error().stack || err.error().message}`));
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location()?.url || '';
    const text = msg.text();
    const named = [...state.expected].find((u) => u === url || text.includes(u));
    if (named) return failedAsExpected(named);
    problem(`console.error: ${text}${url ? ` (${url})` : ''}`);
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText || 'failed';
    if (error === 'net::ERR_ABORTED') return;
    if (expected(request.url())) return failedAsExpected(request.url());
    problem(`request failed: ${request.method()} ${request.url()}: ${error}`);
  });
  context.on('response', (response) => {
    const url = response.url();
    if (response.status() >= 400) {
      if (expected(url)) failedAsExpected(url);
      else problem(`HTTP ${response.status()}: ${response.request().method()} ${url}`);
    }
    const u = new URL(url);
    const ours = u.origin === ORIGIN || u.origin === SPA_ORIGIN;
    if (!ours) return;
    const name = variantOf(u.pathname);
    if (response.request().resourceType() === 'document' && name) {
      const v = VARIANTS[name];
      const at = clocks.get(context);
      if (at === undefined) problem(`${url}: opened without a fixed clock (use gotoSite, or test.use({ site }))`);
      else if (at === 'real' && v.now !== null && !state.clockTime) problem(`${url}: the site "${name}" belongs to ${v.today}, the clock is the real one`);
      else if (at !== 'real' && v.today && !state.clockTime && barcelonaDay(at) !== v.today) {
        problem(`${url}: the site "${name}" belongs to ${v.today}, the clock says ${barcelonaDay(at)}`);
      } else if (at !== 'real' && v.today === null && !state.clockTime) {
        problem(`${url}: the site "${name}" was rendered for the real date, the clock is fixed at ${at}`);
      }
    }
    state.pending.push((async () => {
      const headers = await response.allHeaders().catch(() => null);
      if (!headers || !/^text\/html\b/.test(headers['content-type'] || '')) return;
      if (!name) return problem(`${url}: an HTML answer outside every e2e site`);
      const file = headers['x-e2e-file'];
      if (!file) return problem(`${url}: an HTML answer that does not name its file (X-E2E-File): not from server.mjs?`);
      let csp;
      try {
        csp = cspOf(name);
      } catch (e) {
        return problem(`${url}: ${name}/csp.json cannot be read: ${e.message}`);
      }
      const which = csp.embed_pages.includes(file) ? 'embed' : 'pages';
      const sent = headers['content-security-policy'];
      if (sent !== csp[which]) {
        problem(`${url} (${file}): Content-Security-Policy ${sent === undefined ? 'missing' : `"${sent}"`}, want csp.json's "${which}" policy "${csp[which]}"`);
      }
    })());
  });
}

export const test = base.extend({
  /** The site whose clock this test runs on, installed before the test starts (else by gotoSite). */
  site: [null, { option: true }],
  /** Another instant to start the clock at (ISO 8601), instead of the site's 10:00. */
  clockTime: [null, { option: true }],
  /** This test runs on the real date on purpose (the `root` site). */
  realClock: [false, { option: true }],
  /** Exact URLs this test expects to fail (status >= 400, or a network error). */
  expectedFailures: [[], { option: true }],

  /**
   * The checks of this test (auto). A test about the checks themselves reads and clears what they
   * found with `await checks.take()`.
   */
  checks: [async ({ context, site, clockTime, realClock, expectedFailures }, use) => {
    current = {
      problems: [],
      expected: new Set(expectedFailures),
      failed: new Set(),
      pending: [],
      contexts: new Set(),
      site,
      clockTime,
      realClock,
      /** What went wrong so far (the header checks done, expected failures settled); clears it. */
      async take() {
        while (this.pending.length) await Promise.all(this.pending.splice(0));
        for (const url of this.expected) {
          if (!this.failed.has(url)) this.problems.push(`expected ${url} to fail, it did not`);
        }
        this.expected.clear();
        this.failed.clear();
        return this.problems.splice(0);
      },
    };
    const state = current;
    watch(context);
    if (site) await installClock(context, site, clockTime);
    else if (clockTime) {
      await context.clock.install({ time: new Date(clockTime) });
      clocks.set(context, clockTime);
    }
    await use(state);
    const problems = await state.take();
    current = null;
    expect(problems, 'no page error, console error, unexpected failed request or wrong policy').toEqual([]);
  }, { auto: true }],
});

/**
 * The address of `path` on site `name`: siteURL('open', '/fr/estimate') is
 * http://127.0.0.1:4173/open/fr/estimate; { spa: true } gives the SPA-fallback server's.
 */
export function siteURL(name, path = '/', { spa = false } = {}) {
  return urlOf(spa ? SPA_ORIGIN : ORIGIN, name, path);
}

/**
 * Opens `path` of site `name` in `page`, with that site's fixed clock installed first (see above).
 * Options: spa (the SPA-fallback server), and page.goto's (waitUntil, referer). Returns the response.
 */
export async function gotoSite(page, name, path = '/', { spa = false, ...options } = {}) {
  await installClock(page.context(), name, current?.clockTime);
  return page.goto(siteURL(name, path, { spa }), options);
}

/**
 * Opens the partner page (another origin, fixtures/partner) with its estimators served by site
 * `name` (default `open`, whose config.json lets the partner frame it), on that site's clock.
 */
export async function gotoPartner(page, name = 'open', options = {}) {
  await installClock(page.context(), name, current?.clockTime);
  return page.goto(`${PARTNER_ORIGIN}/?app=${encodeURIComponent(siteURL(name, '/'))}`, options);
}

/** Names a URL this test expects to fail (exactly that URL). */
export function expectFailure(url) {
  if (!current) throw new Error('expectFailure: no test is running');
  current.expected.add(String(url));
}

/** A new browser context with the same checks, and the clock of test.use({ site }) or ({ clockTime }) if given. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  watch(context);
  if (current?.site) await installClock(context, current.site, current.clockTime);
  else if (current?.clockTime) {
    await context.clock.install({ time: new Date(current.clockTime) });
    clocks.set(context, current.clockTime);
  }
  return context;
}

/** The query parameters of the page's current URL. */
export const query = (page) => new URL(page.url()).searchParams;

/** Expect the data-amount of a [data-testid] element. */
export async function expectAmount(page, testid, amount) {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-amount', amount);
}
