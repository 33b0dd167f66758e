// The embeddable estimator: the partner page of the site (/embed: snippet generator, live preview,
// events, API, CSP lines); a partner's page on another origin (fixtures/partner at PARTNER_ORIGIN)
// with two estimators that embed.js turns into frames of the lean embed entry
// (APP/<lang>/embed/estimate?…); the frame on its own; and embed.js's size.
//
// The partner's estimators come from the `brochure` site (the brochure's 3rd edition on its day,
// open, no early bird): member in Kenya, 2 people = 303.60 each, 607.20; a non-member in Spain, one
// person = 660.00. Every test also fails on any page or console error, in any frame (test-base.mjs).
import { brotliCompressSync, constants } from 'node:zlib';
import { test, expect, gotoSite, gotoPartner, siteURL, PARTNER_ORIGIN } from './test-base.mjs';
import { LANGS, openLive, audit } from './pages.mjs';

const SITE = 'brochure';
/** The estimator's heading in each language. */
const TITLE = { en: 'Estimate your fee', fr: 'Estimez vos frais', es: 'Calcule su tarifa' };
const APP = siteURL(SITE, '/').replace(/\/$/, ''); // http://127.0.0.1:4173/brochure
const CHANNEL = 'metropolis-estimator';
/** The application's WebAssembly (the site and its form): never loaded by a partner's frame. */
const APP_WASM = /\/metropolis-diploma-[^/]*\.wasm(\?|$)/;

// /embed holds a preview frame: its <main> is named by its heading (axe's landmark-unique).

const iframe = (page, id) => page.locator(`#${id} iframe`);
const frame = (page, id) => page.frameLocator(`#${id} iframe`);
/** Scrolls an estimator into view (its frame loads lazily). */
const reveal = (page, id) => page.locator(`#${id}`).scrollIntoViewIfNeeded();
/** The frame's Frame object (to evaluate inside it, on the app's origin). */
const contentFrame = async (page, id) => (await iframe(page, id).elementHandle()).contentFrame();
const events = (page, id, type) =>
  page.evaluate(([i, t]) => window.events.filter((e) => e.id === i && e.type === t).map((e) => e.detail), [id, type]);
const lastQuote = async (page, id) => (await events(page, id, 'estimate')).at(-1) ?? null;

/** The frame's height on the page, and its document's sizes. */
async function sizes(page, id) {
  const outer = await iframe(page, id).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await (await contentFrame(page, id)).evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
    content: document.querySelector('main').getBoundingClientRect().height,
  }));
  return { outer, ...inner };
}

/** The frame is as tall as its content, with no inner scrollbar. */
async function expectFits(page, id) {
  await expect
    .poll(async () => {
      const s = await sizes(page, id);
      return s.scroll <= s.client && Math.abs(s.outer - Math.ceil(s.content)) <= 1;
    })
    .toBe(true);
}

/** Every request a frame (not the partner's page itself) makes. */
function frameRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const f = r.frame();
    if (f && f !== page.mainFrame()) seen.push(r.url());
  });
  return seen;
}

test.describe('on a partner\'s page (another origin), through embed.js', () => {
  test('the frame: accessible, in the partner\'s language, the starting values, no site chrome, no form code', async ({ page }) => {
    const requests = frameRequests(page);
    await gotoPartner(page, SITE);
    const one = iframe(page, 'one');
    await expect(one).toBeVisible();
    await expect(one).toHaveAttribute('title', 'Metropolis Diploma fee estimator');
    await expect(iframe(page, 'two')).toHaveAttribute('title', 'Fee estimator for universities');
    await expect(one).toHaveAttribute('loading', 'lazy');
    const src = new URL(await one.getAttribute('src'));
    expect(src.origin + src.pathname).toBe(`${APP}/fr/embed/estimate`);
    expect(Object.fromEntries(src.searchParams)).toEqual({
      member: 'yes',
      country: 'KEN',
      people: '2',
      lang: 'fr',
      origin: PARTNER_ORIGIN,
    });
    const style = await one.evaluate((f) => {
      const cs = getComputedStyle(f);
      return { border: cs.borderTopWidth, width: f.getBoundingClientRect().width, parent: f.parentElement.clientWidth };
    });
    expect(style.border).toBe('0px');
    expect(style.width).toBe(style.parent);
    // The fallback link is gone; the estimator, in French, without the site's header, nav and footer.
    await expect(page.locator('#one a')).toHaveCount(0);
    const f = frame(page, 'one');
    await expect(f.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(f.getByRole('heading', { level: 1 })).toHaveText('Estimez vos frais');
    await expect(f.locator('header, nav, footer, .site-header, .site-footer')).toHaveCount(0);
    await expect(f.getByTestId('fee-total')).toHaveAttribute('data-amount', '607.20');
    await expect(f.getByTestId('fee-per-person')).toHaveAttribute('data-amount', '303.60');
    // "Apply with these answers": the site's form in the frame's language, in a new tab.
    const apply = f.getByRole('link', { name: /Déposer une candidature avec ces réponses/ });
    await expect(apply).toHaveAttribute('data-testid', 'apply-with-answers');
    await expect(apply).toHaveAttribute('target', '_blank');
    await expect(apply).toHaveAttribute('rel', 'noopener external');
    await expect(apply).toHaveAttribute('href', new URL(siteURL(SITE, 'fr/apply')).pathname + '?member=yes&dues=yes&country=KEN&people=2&reduced=no');
    await expect.poll(() => events(page, 'one', 'ready')).toHaveLength(1);
    // The frame loaded the embed's own code, never the application's (the site and its form).
    await reveal(page, 'two');
    await expect(frame(page, 'two').getByTestId('fee-total')).toHaveAttribute('data-amount', '660.00');
    expect(requests.filter((u) => /\.wasm(\?|$)/.test(u)).length, `the frames' WebAssembly: ${requests}`).toBeGreaterThan(0);
    expect(requests.filter((u) => APP_WASM.test(u)), 'the application\'s WebAssembly').toEqual([]);
  });

  test('the apply link opens the site\'s form in a new tab, with the answers', async ({ page, context }) => {
    await gotoPartner(page, SITE);
    const f = frame(page, 'one');
    await expect(f.getByTestId('fee-total')).toHaveAttribute('data-amount', '607.20');
    const [tab] = await Promise.all([context.waitForEvent('page'), f.getByTestId('apply-with-answers').click()]);
    await expect(tab).toHaveURL(siteURL(SITE, 'fr/apply?member=yes&dues=yes&country=KEN&people=2&reduced=no'));
    await expect(tab.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the frame matches its content height as the answers change (no inner scrollbar)', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 800 }); // one column: every change changes the height
    await gotoPartner(page, SITE);
    const f = frame(page, 'one');
    await expect(f.getByTestId('fee-total')).toHaveAttribute('data-amount', '607.20');
    await expectFits(page, 'one');
    const first = (await sizes(page, 'one')).outer;

    await f.getByLabel('Je vais demander une place à tarif réduit').check(); // adds the reduced-place scenario
    await expect(f.getByTestId('fee-reduced')).toBeVisible();
    await expectFits(page, 'one');
    const taller = (await sizes(page, 'one')).outer;
    expect(taller).toBeGreaterThan(first);

    await f.getByRole('group', { name: /membre de Metropolis/ }).getByLabel('Non', { exact: true }).check(); // no dues question, no reduced scenario
    await expect(f.getByTestId('fee-reduced')).toHaveCount(0);
    await expectFits(page, 'one');
    expect((await sizes(page, 'one')).outer).toBeLessThan(taller);
    const resizes = await events(page, 'one', 'resize');
    expect(resizes.length).toBeGreaterThan(1);
    // `resize` never repeats the height `ready` gave, nor the last one.
    const [ready] = await events(page, 'one', 'ready');
    expect(resizes[0].height).not.toBe(ready.height);
    resizes.slice(1).forEach((r, i) => expect(r.height).not.toBe(resizes[i].height));

    // A narrower partner column: the frame follows the new layout too.
    await page.setViewportSize({ width: 360, height: 800 });
    await expectFits(page, 'one');
  });

  test('the estimate event carries the same figures as /estimate for the same answers; quote() returns it', async ({ page, context }) => {
    await gotoPartner(page, SITE);
    await expect.poll(() => lastQuote(page, 'one')).not.toBeNull();
    const q = await lastQuote(page, 'one');
    expect(q).toEqual({
      currency: 'EUR',
      list_fee: '660.00',
      per_person: '303.60',
      people: 2,
      total: '607.20',
      reduced: null,
      query: 'member=yes&dues=yes&country=KEN&people=2',
    });
    expect(await page.evaluate(() => MetropolisEstimator.quote(document.getElementById('one')))).toEqual(q);

    const f = frame(page, 'one');
    const people = f.getByLabel(/Combien de personnes/);
    await people.fill('3');
    await people.press('Tab');
    await f.getByLabel('Je vais demander une place à tarif réduit').check();
    await expect.poll(async () => (await lastQuote(page, 'one'))?.query).toBe(
      'member=yes&dues=yes&country=KEN&people=3&reduced=yes',
    );
    const changed = await lastQuote(page, 'one');
    expect(changed).toMatchObject({ per_person: '303.60', total: '910.80', people: 3 });
    expect(changed.reduced).toEqual({ tier: 'middle_income', per_person: '151.80' });

    const estimate = await context.newPage();
    for (const quote of [q, changed]) {
      await openLive(estimate, SITE, `estimate?${quote.query}`);
      await expect(estimate.getByTestId('fee-total')).toHaveAttribute('data-amount', quote.total);
      await expect(estimate.getByTestId('fee-per-person')).toHaveAttribute('data-amount', quote.per_person);
    }
    await expect(estimate.getByTestId('fee-reduced')).toHaveAttribute('data-amount', changed.reduced.per_person);
  });

  test('messages from a foreign origin, a foreign frame or another version change nothing', async ({ page }) => {
    await gotoPartner(page, SITE);
    await expect.poll(() => lastQuote(page, 'one')).not.toBeNull();
    await expectFits(page, 'one');
    const height = () => iframe(page, 'one').evaluate((f) => f.style.height);
    const before = await height();
    const forged = (h) => ({ channel: CHANNEL, version: 1, type: 'resize', height: h });
    const fakeQuote = { channel: CHANNEL, version: 1, type: 'estimate', quote: { total: '0.00', per_person: '0.00' } };

    // 1. The partner's own origin (not the app's).
    await page.evaluate(([r, qt]) => {
      window.postMessage(r, '*');
      window.postMessage(qt, '*');
    }, [forged(77), fakeQuote]);
    // 2. The app's origin, but not one of the estimator frames.
    await page.evaluate(
      (app) =>
        new Promise((resolve) => {
          const f = document.createElement('iframe');
          f.src = `${app}/edition.json`;
          f.onload = resolve;
          document.body.appendChild(f);
        }),
      APP,
    );
    const stranger = page.frames().find((fr) => fr.url().endsWith('/edition.json'));
    await stranger.evaluate(([r, qt]) => {
      parent.postMessage(r, '*');
      parent.postMessage(qt, '*');
    }, [forged(78), fakeQuote]);
    // 3. The right frame, but another version, another channel, or a string.
    const own = await contentFrame(page, 'one');
    await own.evaluate(
      ([a, b]) => {
        parent.postMessage(a, '*');
        parent.postMessage(b, '*');
        parent.postMessage('{"channel":"metropolis-estimator","version":1,"type":"resize","height":80}', '*');
      },
      [{ ...forged(79), version: 2 }, { ...forged(79), channel: 'other' }],
    );
    // Control, sent last: the same message from the estimator's own frame is accepted.
    await own.evaluate((r) => parent.postMessage(r, '*'), forged(81));
    await expect.poll(height).toBe('81px');
    expect(before).not.toBe('81px');
    const all = await page.evaluate(() => window.events.map((e) => e.detail));
    expect(all.filter((d) => d && (d.total === '0.00' || [77, 78, 79, 80].includes(d.height)))).toEqual([]);
    expect((await lastQuote(page, 'one')).total).toBe('607.20');
  });

  test('two estimators on one page stay independent; update() changes one', async ({ page }) => {
    await gotoPartner(page, SITE);
    await reveal(page, 'two');
    await expect.poll(async () => (await lastQuote(page, 'one'))?.total).toBe('607.20');
    await expect.poll(async () => (await lastQuote(page, 'two'))?.total).toBe('660.00');
    // The second one's theme: accent colour and compact layout.
    const main2 = frame(page, 'two').locator('main');
    await expect(main2).toHaveClass(/compact/);
    expect(await main2.evaluate((el) => el.style.getPropertyValue('--accent'))).toBe('#c0392b');
    await expect(frame(page, 'one').locator('main')).not.toHaveClass(/compact/);

    const twoCount = (await events(page, 'two', 'estimate')).length;
    const people = frame(page, 'one').getByLabel(/Combien de personnes/);
    await people.fill('4');
    await people.press('Tab');
    await expect.poll(async () => (await lastQuote(page, 'one'))?.people).toBe(4);
    expect((await events(page, 'two', 'estimate')).length).toBe(twoCount);
    expect((await lastQuote(page, 'two')).total).toBe('660.00');
    await expect(frame(page, 'two').getByLabel('How many people from your organisation will register?')).toHaveValue('1');

    const oneCount = (await events(page, 'one', 'estimate')).length;
    expect(await page.evaluate(() => MetropolisEstimator.update(document.getElementById('two'), { people: 2 }))).toBe(true);
    await expect.poll(async () => (await lastQuote(page, 'two'))?.total).toBe('1214.40');
    await expect(page.locator('#two')).toHaveAttribute('data-people', '2');
    await expect(frame(page, 'two').getByLabel('How many people from your organisation will register?')).toHaveValue('2');
    expect((await events(page, 'one', 'estimate')).length).toBe(oneCount);
    expect((await lastQuote(page, 'one')).people).toBe(4);
    await expectFits(page, 'two');
    // update() on something that is not an estimator refuses.
    expect(await page.evaluate(() => MetropolisEstimator.update(document.body, { people: 2 }))).toBe(false);
  });

  test('an estimator added later is picked up (by itself and by scan()); the frames use no storage', async ({ page }) => {
    await page.addInitScript(() => {
      window.storageCalls = 0;
      for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
        const orig = Storage.prototype[m];
        Storage.prototype[m] = function (...args) {
          window.storageCalls += 1;
          return orig.apply(this, args);
        };
      }
    });
    await gotoPartner(page, SITE);
    await expect(iframe(page, 'one')).toBeVisible();
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'three';
      el.dataset.metropolisEstimator = '';
      el.dataset.people = '3';
      el.dataset.lang = 'es';
      document.body.appendChild(el);
    });
    await reveal(page, 'three');
    await expect(frame(page, 'three').getByTestId('fee-total')).toHaveAttribute('data-amount', '1821.60');
    await expect(frame(page, 'three').locator('html')).toHaveAttribute('lang', 'es');
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'four';
      el.dataset.metropolisEstimator = '';
      el.dataset.member = 'yes';
      document.body.appendChild(el);
      MetropolisEstimator.scan();
    });
    await reveal(page, 'four');
    await expect(frame(page, 'four').getByTestId('fee-total')).toHaveAttribute('data-amount', '330.00');
    await expect(iframe(page, 'four')).toHaveCount(1);
    for (const id of ['one', 'two', 'three', 'four']) {
      await reveal(page, id);
      await expect(frame(page, id).locator('html')).toHaveAttribute('data-storage', 'none');
      expect(await (await contentFrame(page, id)).evaluate(() => window.storageCalls), id).toBe(0);
    }
  });
});

test.describe('the frame\'s language follows the visitor when the partner names none', () => {
  test.use({ locale: 'fr-FR' });
  test('a French browser: the estimator without data-lang is in French; data-lang pins the other', async ({ page }) => {
    await gotoPartner(page, SITE);
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'three';
      el.dataset.metropolisEstimator = '';
      el.dataset.lang = 'en';
      document.body.appendChild(el);
    });
    await reveal(page, 'two');
    await expect(frame(page, 'two').locator('html')).toHaveAttribute('lang', 'fr');
    await expect(frame(page, 'two').getByRole('heading', { level: 1 })).toHaveText('Estimez vos frais');
    await reveal(page, 'three');
    await expect(frame(page, 'three').locator('html')).toHaveAttribute('lang', 'en');
    await expect(frame(page, 'three').getByRole('heading', { level: 1 })).toHaveText('Estimate your fee');
  });
});

test.describe('without JavaScript on the partner\'s page', () => {
  test.use({ javaScriptEnabled: false });

  test('the link inside the element opens the estimator with the same values', async ({ page }) => {
    // Without JavaScript the fixture's links keep their written address: the `open` site's.
    await gotoPartner(page, 'open');
    await expect(page.locator('iframe')).toHaveCount(0);
    const link = page.locator('#one').getByRole('link', { name: 'Estimate your fee for the Metropolis Diploma' });
    await expect(link).toHaveAttribute('href', siteURL('open', 'estimate?member=yes&country=KEN&people=2'));
    await link.click();
    await expect(page).toHaveURL(siteURL('open', 'estimate?member=yes&country=KEN&people=2'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estimate your fee');
  });
});

test.describe('the frame on its own (/embed/estimate)', () => {
  test('theme values are checked: good ones applied, bad ones ignored and said in the console', async ({ page }) => {
    await gotoSite(page, SITE, 'embed/estimate?member=no&people=3&accent=%23c0392b&font=Georgia%2C%20serif&compact=yes');
    const main = page.locator('main');
    await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '1821.60');
    // Set through the CSSOM (allowed by the Content-Security-Policy), never as a style attribute in markup.
    await expect.poll(() => main.evaluate((el) => [el.style.getPropertyValue('--accent'), el.style.getPropertyValue('--accent-dark')]))
      .toEqual(['#c0392b', '#86271e']);
    expect(await main.evaluate((el) => el.style.fontFamily)).toMatch(/^"?Georgia"?, serif$/);
    await expect(main).toHaveClass(/\bcompact\b/);
    const colour = await page.getByTestId('apply-with-answers').evaluate((a) => getComputedStyle(a).backgroundColor);
    expect(colour).toBe('rgb(192, 57, 43)');

    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await gotoSite(page, SITE, 'embed/estimate?people=abc&accent=red;background:url(x)&font=x%22;color:red&compact=maybe&origin=*');
    await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '660.00');
    await expect.poll(() => warnings.join('\n')).toContain('Metropolis estimator: ignored');
    expect(warnings.join('\n')).toContain('people="abc"');
    expect(await page.locator('main').evaluate((el) => el.style.length)).toBe(0);
    await expect(page.locator('main')).not.toHaveClass(/compact/);
    // Refused values are the partner's to correct: nothing said to the visitor.
    await expect(page.getByTestId('param-note')).toHaveCount(0);
    await expect(page).toHaveTitle('Metropolis Diploma fee estimator');
  });

  test('prerendered in each language; the apply link follows the language and the base path', async ({ page }) => {
    for (const [lang, l] of Object.entries(LANGS)) {
      await gotoSite(page, 'diploma', `${l.folder}embed/estimate?member=yes&dues=yes&people=2&lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE[lang]);
      // The diploma site's day is in the early bird (10 %): 330.00 - 8 % - 10 %.
      await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '546.48');
      await expect(page.getByTestId('apply-with-answers')).toHaveAttribute('href', `/diploma/${l.folder}apply?member=yes&dues=yes&people=2&reduced=no`);
      await expect(page.locator('header, nav, footer')).toHaveCount(0);
    }
  });

  test('no apply link while the edition takes no applications', async ({ page }) => {
    await gotoSite(page, 'closed', 'embed/estimate?member=yes');
    await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '330.00');
    await expect(page.getByTestId('edition-label')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('edition-status')).toHaveText('Applications for this edition are closed. These figures are for information only.');
    await expect(page.getByTestId('apply-with-answers')).toHaveCount(0);
  });

  test('the address earlier snippets used (embed.html?frame=1) is still the frame', async ({ page }) => {
    await gotoSite(page, SITE, 'embed.html?frame=1&member=yes&dues=yes&country=ESP&people=2');
    await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '607.20');
    await expect(page.locator('header, nav, footer')).toHaveCount(0);
  });
});

test.describe('the partner page (/embed)', () => {
  test('is reached from the site by clicking (the footer of every page)', async ({ page }) => {
    await openLive(page, SITE, '/');
    await page.getByRole('contentinfo').getByRole('link', { name: /estimator on your website/i }).click();
    await expect(page).toHaveURL(siteURL(SITE, 'embed'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Put the fee estimator on your website');
  });

  test('generates the snippet, previews it through embed.js, copies it, and states the CSP lines', async ({ page }) => {
    const requests = frameRequests(page);
    await openLive(page, SITE, 'embed');
    await expect(page).toHaveTitle('Put the fee estimator on your website – Metropolis Diploma in Internationalization for Local Authorities');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Put the fee estimator on your website');
    // The site's header leads back into the site.
    await expect(page.getByRole('banner').getByRole('link', { name: LANGS.en.site })).toHaveAttribute('href', new URL(APP).pathname + '/');
    const snippet = page.getByLabel('HTML for your page');
    await expect(snippet).toHaveValue(new RegExp(`<script async src="${APP}/embed.js"></script>$`));

    await page.getByLabel('Member city').selectOption('yes');
    await page.getByLabel('People', { exact: true }).fill('3');
    await page.getByLabel('People', { exact: true }).press('Tab');
    await page.getByLabel('Accent colour').fill('#C0392B');
    await page.getByLabel('Accent colour').press('Tab');
    await page.getByLabel('Compact layout').check();
    await expect(snippet).toHaveValue(
      /^<div data-metropolis-estimator data-member="yes" data-people="3" data-accent="#c0392b" data-compact="yes" data-title="Metropolis Diploma fee estimator">/,
    );
    await expect(snippet).toHaveValue(new RegExp(`href="${APP}/estimate\\?member=yes&amp;people=3"`));

    // A colour white text cannot be read on is refused, with a message; the snippet drops it.
    await page.getByLabel('Accent colour').fill('#ffff00');
    await page.getByLabel('Accent colour').press('Tab');
    await expect(page.getByText('White text is hard to read on this colour')).toBeVisible();
    await expect(snippet).not.toHaveValue(/data-accent/);

    // The preview is the real thing, through embed.js: the lean frame, not the application.
    const preview = page.frameLocator('[data-testid="embed-preview"] iframe');
    await expect(preview.getByTestId('fee-total')).toHaveAttribute('data-amount', '910.80');
    await expect(preview.locator('main')).toHaveClass(/compact/);
    expect(requests.filter((u) => APP_WASM.test(u)), 'the application\'s WebAssembly in the preview').toEqual([]);

    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect(page.getByText('Code copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());

    // Events and API, listed.
    for (const name of ['metropolis-estimator:ready', 'metropolis-estimator:resize', 'metropolis-estimator:estimate', 'MetropolisEstimator.update', 'MetropolisEstimator.quote', 'MetropolisEstimator.scan']) {
      await expect(page.getByRole('main').getByText(name, { exact: false }).first()).toBeVisible();
    }

    const origin = new URL(APP).origin;
    await expect(page.getByTestId('embed-csp-partner')).toHaveText(`script-src ${origin}; frame-src ${origin}`);
    await page.getByLabel('Your website’s address').fill('https://partner.example');
    await page.getByLabel('Your website’s address').press('Tab');
    await expect(page.getByTestId('embed-csp-app')).toHaveText(new RegExp(`frame-ancestors 'self' .*https://partner\\.example$`));
    await page.getByLabel('Your website’s address').fill('https://partner.example/page');
    await page.getByLabel('Your website’s address').press('Tab');
    await expect(page.getByText('Enter the address as https://')).toBeVisible();
  });

  test('in French, the snippet\'s language option frames the French estimator', async ({ page }) => {
    await openLive(page, SITE, 'fr/embed');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intégrer le calculateur de frais à votre site web');
    await page.getByRole('form', { name: 'Options' }).getByLabel('Langue', { exact: true }).selectOption('fr');
    await expect(page.getByLabel('Code HTML pour votre page')).toHaveValue(/data-lang="fr"/);
    // Its link for visitors without JavaScript leads to the French estimator, like its words.
    await expect(page.getByLabel('Code HTML pour votre page')).toHaveValue(/<a href="[^"]*\/fr\/estimate">[^<]+<\/a>/);
    const preview = page.frameLocator('[data-testid="embed-preview"] iframe');
    await expect(preview.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(preview.getByTestId('fee-total')).toHaveAttribute('data-amount', '660.00');
  });
});

test('embed.js stays small: at most 3 KB with brotli, and plain (no module syntax)', async ({ request }) => {
  const response = await request.get(`${APP}/embed.js`);
  expect(response.status()).toBe(200);
  const body = await response.body();
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  expect(brotli, `embed.js: ${body.length} bytes, ${brotli} with brotli`).toBeLessThanOrEqual(3 * 1024);
  expect(body.toString()).not.toMatch(/^\s*(import|export)\s/m);
});

// ---------------------------------------------------------------------------------------------
// Accessibility of the partner page and the frame: axe in every language at a desktop's and a
// phone's width; nothing scrolls sideways at 320 px.

for (const [lang, l] of Object.entries(LANGS)) {
  for (const width of [1280, 390]) {
    test(`accessibility, ${lang} at ${width} px: the partner page`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await openLive(page, SITE, `${l.folder}embed`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.frameLocator('[data-testid="embed-preview"] iframe').getByTestId('fee-total')).toBeVisible();
      await audit(page, `${l.folder}embed`);
    });
    test(`accessibility, ${lang} at ${width} px: the frame`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await gotoSite(page, SITE, `${l.folder}embed/estimate?member=yes&dues=yes&people=2&country=NPL&reduced=yes&lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('fee-reduced')).toBeVisible();
      await audit(page, `${l.folder}embed/estimate`);
    });
  }
}

test('at 320 CSS px wide, neither the partner page nor the frame scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const [lang, l] of Object.entries(LANGS)) {
    for (const path of [`${l.folder}embed`, `${l.folder}embed/estimate?member=yes&country=KEN&reduced=yes&lang=${lang}`]) {
      if (path.includes('embed/estimate')) await gotoSite(page, SITE, path);
      else await openLive(page, SITE, path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at 320px`).toBeLessThanOrEqual(0);
    }
  }
});
