// The e2e infrastructure itself: every site of sites.mjs is served at its prefix with its own base
// path, day, data and security policy; not-found answers follow the README's nginx; a bare SPA host
// serves everything; each site's /api/ reaches its receiver; and the test base catches what it must.
// No behaviour of the pages is tested here (the page specs do that); where a test needs the
// application to have started, it waits for the data files the app fetches after hydration.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { openLive } from './pages.mjs';
import { SITES_DIR } from './sites.mjs';
import { PARTNER_ORIGIN, receiverURL, INTAKE_TOKEN } from './addresses.mjs';
import { test, expect, gotoSite, gotoPartner, siteURL, expectFailure, VARIANTS, CLOCKS, ORIGIN } from './test-base.mjs';

const LANGS = [['en', ''], ['fr', 'fr/'], ['es', 'es/']];
const STEPS = ['about-you', 'organisation', 'motivation', 'registration', 'declarations'];
const ROUTES = ['/', '/estimate', '/refund', '/apply', ...STEPS.map((s) => `/apply/${s}`), '/apply/check', '/apply/done', '/embed', '/embed/estimate'];
const FIXED = Object.keys(VARIANTS).filter((n) => VARIANTS[n].now !== null);

const csp = (name) => JSON.parse(readFileSync(join(SITES_DIR, name, 'csp.json'), 'utf8'));
const fileOf = (folder, route) => (route === '/' ? `${folder}index.html` : `${folder}${route.slice(1)}/index.html`);
/** A page's data block by id (context::BLOCKS: md-page, md-edition, md-config, md-countries, md-texts). */
const block = (html, id) => JSON.parse(html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`))[1]);
/** What a page was rendered for (route, lang, built_for) and with which edition. */
const siteData = (html) => ({ ...block(html, 'md-page'), edition: block(html, 'md-edition') });
const baseOf = (html) => html.match(/<base href="([^"]*)">/)?.[1];
const langOf = (html) => html.match(/<html lang="([^"]*)"/)?.[1];
const h1Of = (html) => html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/)?.[1].replace(/<[^>]+>/g, '').trim();

test.describe('every site serves every page with its base, day and policy', () => {
  for (const name of Object.keys(VARIANTS)) {
    test(`${name}: every route in every language`, async ({ request }) => {
      const v = VARIANTS[name];
      const policy = csp(name);
      for (const [lang, folder] of LANGS) {
        for (const route of ROUTES) {
          const url = siteURL(name, `${folder}${route.slice(1)}`);
          const res = await request.get(url);
          expect(res.status(), url).toBe(200);
          const file = fileOf(folder, route);
          expect(res.headers()['x-e2e-file'], url).toBe(file);
          const which = route.startsWith('/embed/') ? 'embed' : 'pages';
          expect(policy.embed_pages.includes(file), `${file} in embed_pages`).toBe(which === 'embed');
          expect(res.headers()['content-security-policy'], `${url}: the ${which} policy of csp.json`).toBe(policy[which]);
          const html = await res.text();
          expect(baseOf(html), `${url}: <base href>`).toBe(v.prefix);
          expect(langOf(html), `${url}: <html lang>`).toBe(lang);
          const data = siteData(html);
          expect(data.route, `${url}: the route it was rendered for`).toBe(route);
          if (v.today) expect(data.built_for, `${url}: the day it was rendered for`).toBe(v.today);
          else expect(data.built_for).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        // embed.html: the page embed.js frames, with the embed policy.
        const framed = await request.get(siteURL(name, `${folder}embed.html?frame=1`));
        expect(framed.status()).toBe(200);
        expect(framed.headers()['content-security-policy']).toBe(policy.embed);
      }
    });
  }

  test('the embed policy lets the partner frame the fixed-clock sites; the build as shipped lists nobody', async () => {
    for (const name of FIXED) {
      expect(csp(name).embed, name).toContain(`frame-ancestors 'self' ${PARTNER_ORIGIN}`);
      expect(csp(name).pages, name).toContain("frame-ancestors 'self';");
    }
    expect(csp('root').embed).not.toContain(PARTNER_ORIGIN);
  });

  test('the data files deployed after the build: broken and stale differ from their pages', async ({ request }) => {
    const fee = async (name) => (await (await request.get(siteURL(name, 'edition.json'))).json()).fees.list_fee;
    const built = async (name) => siteData(await (await request.get(siteURL(name, 'estimate'))).text()).edition;
    expect(await fee('open')).toBe('660.00');
    expect(await fee('stale')).toBe('720.00');
    expect(await fee('broken')).toBe('abc');
    // Pages rendered from the good edition in both (the serialised form is the app's: compare loosely).
    expect(JSON.stringify(await built('stale'))).toContain('660.00');
    expect(JSON.stringify(await built('broken'))).toContain('660.00');
    const figures = await (await request.get(siteURL('figures', 'edition.json'))).json();
    expect(figures.fees.member_discount).toEqual({ percent: '40', dues_year: 2025 });
    expect(figures.fees.group_discount).toMatchObject({ percent: '10', min_size: 3 });
    expect(figures.fees.early_bird.percent).toBe('15');
    expect(figures.refund).toMatchObject({ percent: '80', days_before_start: 45 });
    const quick = await (await request.get(siteURL('quick', 'config.json'))).json();
    expect(quick.submission.timeout_seconds).toBe(3);
    const diploma = await (await request.get(siteURL('diploma', 'config.json'))).json();
    expect(diploma.site.base_path).toBe('/diploma/');
  });
});

test.describe('the fixed clock of each site', () => {
  for (const name of FIXED) {
    test(`${name}: the browser's clock and the pages are on ${VARIANTS[name].today}`, async ({ page }) => {
      const v = VARIANTS[name];
      // The deployed edition.json of `broken` cannot be used: the app must say so, naming its URL.
      const refused = name === 'broken' && siteURL(name, 'edition.json');
      if (refused) expectFailure(refused);
      const booted = refused
        ? page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes(refused))
        : page.waitForResponse((r) => r.url() === siteURL(name, 'config.json'));
      const res = await gotoSite(page, name, '/');
      expect(res.status()).toBe(200);
      const now = await page.evaluate(() => Date.now());
      expect(now).toBeGreaterThanOrEqual(Date.parse(v.now));
      expect(now).toBeLessThan(Date.parse(v.now) + 5 * 60_000);
      const day = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date()));
      expect(day).toBe(v.today);
      expect(await page.evaluate(() => document.baseURI)).toBe(siteURL(name, '/'));
      // The application started (it fetches the data files once hydrated) under the site's policy;
      // on `broken`, it said that the deployed edition.json cannot be used.
      await booted;
    });
  }

  test('the state days: one edition, five states', async () => {
    expect(Object.fromEntries(Object.entries(CLOCKS).map(([k, c]) => [k, c.today]))).toEqual({
      upcoming: '2026-02-16', open: '2026-04-15', closed: '2026-10-26', 'in-progress': '2026-11-18', ended: '2026-12-01',
    });
    for (const name of ['diploma', 'figures', 'broken', 'stale', 'quick']) expect(VARIANTS[name].now).toBe(CLOCKS.open.now);
  });

  test.describe('on the real date', () => {
    test.use({ realClock: true });
    test('root: the build as shipped, on the real clock', async ({ page }) => {
      const before = Date.now();
      const booted = page.waitForResponse((r) => r.url() === siteURL('root', 'config.json'));
      await gotoSite(page, 'root', '/');
      expect(await page.evaluate(() => Date.now())).toBeGreaterThanOrEqual(before);
      await booted;
    });
  });
});

test.describe('not found, like the README\'s nginx', () => {
  for (const [lang, folder] of LANGS) {
    test(`an unknown page under /open/${folder} is the ${lang} not-found page, status 404`, async ({ page }) => {
      const url = siteURL('open', `${folder}no-such-page/here`);
      expectFailure(url);
      const res = await gotoSite(page, 'open', `${folder}no-such-page/here`);
      expect(res.status()).toBe(404);
      expect(res.headers()['x-e2e-file']).toBe(`${folder}404.html`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });
  }

  test('a missing file with an extension is a plain 404, never a page', async ({ request }) => {
    for (const path of ['missing.js', 'fr/missing.wasm', 'data/missing.csv']) {
      const res = await request.get(siteURL('open', path));
      expect(res.status(), path).toBe(404);
      expect(res.headers()['content-type'], path).toMatch(/^text\/plain/);
    }
  });

  test('a prefix without its slash is redirected; a doubled slash stays a path of this site', async ({ page, request }) => {
    const res = await request.get(`${ORIGIN}/diploma?lang=fr`, { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(res.headers().location).toBe('/diploma/?lang=fr');
    const url = `${ORIGIN}/open//evil.example/estimate`;
    expectFailure(url);
    const elsewhere = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== ORIGIN) elsewhere.push(r.url());
    });
    await gotoSite(page, 'open', '/'); // the clock
    const answer = await page.goto(url);
    expect(answer.status()).toBe(404);
    await page.waitForLoadState('load');
    expect(elsewhere).toEqual([]);
  });
});

test.describe('a server with only an SPA fallback', () => {
  test('answers every path of a site with its index.html', async ({ request }) => {
    for (const path of ['estimate', 'fr/refund', 'apply/check', 'embed/estimate', 'no-such-page', 'missing.js']) {
      const res = await request.get(siteURL('open', path, { spa: true }));
      expect(res.status(), path).toBe(200);
      expect(res.headers()['x-e2e-file'], path).toBe('index.html');
      expect(siteData(await res.text()).route, path).toBe('/');
    }
    const file = await request.get(siteURL('open', 'edition.json', { spa: true }));
    expect(file.headers()['content-type']).toMatch(/^application\/json/);
  });

  for (const path of ['/estimate', '/fr/refund', '/apply']) {
    test(`serves ${path}: the app shows the same page as the prerendered one`, async ({ page, request }) => {
      const real = h1Of(await (await request.get(siteURL('open', path))).text());
      expect(real, 'the prerendered page has a heading').toBeTruthy();
      // Once the app is live (it has checked the deployed data): on a slow machine the wasm may take
      // longer than one expectation's wait.
      await openLive(page, 'open', path.slice(1), { spa: true });
      await expect(page.locator('h1').first()).toHaveText(real);
      expect(new URL(page.url()).pathname).toBe(`/open${path}`);
    });
  }
});

test.describe('receivers and servers', () => {
  test('each site\'s /api/ reaches a live receiver', async ({ request }) => {
    for (const name of Object.keys(VARIANTS)) {
      const res = await request.get(siteURL(name, 'api/applications'));
      expect(res.status(), `${name}: GET without the token`).toBe(401);
    }
  });

  test('the receivers answer the secretariat with the e2e token', async ({ request }) => {
    const res = await request.get(`${receiverURL('open')}/api/applications`, { headers: { Authorization: `Bearer ${INTAKE_TOKEN}` } });
    expect(res.status()).toBe(200);
  });

  test('the partner page is another origin, without our policy, and may frame the open site', async ({ page, request }) => {
    const res = await request.get(`${PARTNER_ORIGIN}/`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toBeUndefined();
    // embed.js from the open site frames its embed/estimate; the frame's policy (checked by the test
    // base) lets this origin frame it, so the frames load without a violation.
    const framed = page.waitForResponse((r) => r.url().startsWith(siteURL('open', 'embed/estimate')));
    await gotoPartner(page, 'open');
    expect((await framed).status()).toBe(200);
    // One frame in French (data-lang="fr": fr/embed/estimate), one in English.
    await expect(page.locator(`iframe[src^="${siteURL('open', 'fr/embed/estimate')}"]`)).toHaveCount(1);
    await expect(page.locator(`iframe[src^="${siteURL('open', 'embed/estimate')}"]`)).toHaveCount(1);
  });

  test('the server refuses HTML without csp.json (fail closed), and still serves other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-nocsp-'));
    writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><title>x</title>');
    writeFileSync(join(dir, 'edition.json'), '{}');
    const s = await startServer({ port: 0, mounts: [{ prefix: '/', root: dir }] });
    try {
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(500);
      expect(await page.text()).toContain('csp.json is missing');
      expect((await fetch(`${s.url}/edition.json`)).status).toBe(200);
      writeFileSync(join(dir, 'csp.json'), '{"pages": "default-src \'self\'"}');
      expect((await fetch(`${s.url}/`)).status).toBe(500);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('the test base can fail', () => {
  // Each provokes one problem and takes exactly that one from the checks, so the test passes only
  // when the check caught it (and the closing check finds nothing else).
  /** Takes what the checks found until `done(found)` holds; returns all of it. */
  const takeUntil = async (checks, done) => {
    const found = [];
    await expect.poll(async () => {
      found.push(...(await checks.take()));
      return done(found);
    }).toBe(true);
    return found;
  };

  test('an unexpected console error', async ({ page, checks }) => {
    await gotoSite(page, 'open', '/');
    await page.evaluate(() => console.error('boom'));
    const found = await takeUntil(checks, (f) => f.length > 0);
    expect(found).toEqual(['console.error: boom']);
  });

  test('an expected failure that does not happen', async ({ page, checks }) => {
    expectFailure(siteURL('open', 'estimate'));
    await gotoSite(page, 'open', '/estimate');
    expect(await checks.take()).toEqual([`expected ${siteURL('open', 'estimate')} to fail, it did not`]);
  });

  test('a 404 nobody named, and its console error', async ({ page, checks }) => {
    const url = siteURL('open', 'missing.json');
    await gotoSite(page, 'open', '/');
    await page.evaluate(async () => { await fetch('missing.json'); });
    const found = await takeUntil(checks, (f) => f.length >= 2);
    expect(found).toHaveLength(2);
    expect(found).toContain(`HTTP 404: GET ${url}`);
    const consoleError = found.find((p) => p.startsWith('console.error'));
    expect(consoleError).toContain('Failed to load resource');
    expect(consoleError.endsWith(`(${url})`)).toBe(true);
  });

  test('a site opened with another day\'s clock', async ({ page, checks }) => {
    await gotoSite(page, 'open', '/');
    await page.goto(siteURL('closed', '/'));
    expect(await checks.take()).toContain(`${siteURL('closed', '/')}: the site "closed" belongs to ${VARIANTS.closed.today}, the clock says ${VARIANTS.open.today}`);
  });

  test('a site opened without a clock', async ({ page, checks }) => {
    await page.goto(siteURL('open', 'refund'));
    expect(await checks.take()).toContain(`${siteURL('open', 'refund')}: opened without a fixed clock (use gotoSite, or test.use({ site }))`);
  });

  test('a policy that is not csp.json\'s', async ({ page, checks }) => {
    // The page as the partner server sends it: no policy at all.
    await page.route(siteURL('open', 'refund'), async (route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response: res, headers });
    });
    await gotoSite(page, 'open', '/refund');
    expect((await checks.take()).join('\n')).toContain(`${siteURL('open', 'refund')} (refund/index.html): Content-Security-Policy missing`);
  });
});
