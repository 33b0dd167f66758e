// Accessibility audit: axe on every page and every state that matters, in the three languages,
// under the build's Content-Security-Policy (server.mjs), with zero violations; and keyboard-only
// passes through the estimator, the form (to the confirmation) and the refund page.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './test-base.mjs';
import { envelope } from './drafts.mjs';

const LANGS = ['en', 'fr', 'es'];
// A dropped or offline request is reported by the browser itself.
test.use({ allowedConsoleErrors: [[/Failed to load resource/, /net::ERR_/], { option: true }] });

async function audit(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `${what}: axe violations`).toEqual([]);
}

const withLang = (url, lang) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

async function storeDraft(page, lang, data = {}) {
  await page.goto(withLang('/apply', lang));
  await expect(page.locator('h1')).toBeVisible();
  const env = envelope({ key: crypto.randomUUID(), ...data });
  await page.evaluate((v) => localStorage.setItem('metropolis-diploma.draft', v), JSON.stringify(env));
  return env.data.key;
}

const PAGES = [
  ['the course page', '/'],
  ['the estimator', '/estimate?member=yes&dues=yes&people=3&country=ESP'],
  ['the estimator with a reduced place', '/estimate?member=yes&dues=yes&country=NPL&reduced=yes'],
  ['the estimator with ignored parameters', '/estimate?people=abc&member=maybe'],
  ['the refund page', '/refund?paid=330&date=2025-10-01'],
  ['the refund page with an amount error', '/refund?paid=abc'],
  ['the partner page', '/embed.html'],
  ['the partner frame', '/embed.html?frame=1&member=yes&people=2'],
  ['the form\'s start page', '/apply'],
  ['a page that does not exist', '/no-such-page'],
];

for (const lang of LANGS) {
  test.describe(`in ${lang}`, () => {
    for (const [what, url] of PAGES) {
      test(`${what}: no violations`, async ({ page }) => {
        await page.goto(withLang(url, lang));
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('main h1, main .embed-title').first()).toBeVisible();
        await audit(page, what);
      });
    }

    test('a step with errors shown, and a filled step: no violations', async ({ page }) => {
      await page.goto(withLang('/apply/about-you', lang));
      await page.getByTestId('continue-step').click();
      await expect(page.getByTestId('error-summary')).toBeFocused();
      await audit(page, 'about you, with errors');
      await storeDraft(page, lang);
      await page.goto(withLang('/apply/registration', lang));
      await expect(page.getByTestId('apply-quote')).toBeVisible();
      await audit(page, 'registration, filled');
    });

    test('check, sending offline, sent: no violations', async ({ context, page }) => {
      await storeDraft(page, lang);
      await page.goto(withLang('/apply/check', lang));
      await expect(page.getByTestId('send')).toBeVisible();
      await audit(page, 'check your answers');
      await context.setOffline(true);
      await page.getByTestId('send').click();
      await expect(page.getByTestId('send-status')).toBeVisible();
      await audit(page, 'sending, offline');
      await context.setOffline(false);
      await expect(page.getByTestId('reference')).toBeVisible();
      await audit(page, 'confirmation');
    });

    test('a refused application and a paused one: no violations', async ({ page, request }) => {
      test.setTimeout(60_000);
      const key = await storeDraft(page, lang);
      const body = { errors: [{ field: 'answers.about.email', code: 'invalid_email', message: 'x' }] };
      await request.post('/__faults', { data: { key, faults: [{ status: 422, body }, { status: 404 }] } });
      await page.goto(withLang('/apply/check', lang));
      await page.getByTestId('send').click();
      await expect(page.getByTestId('error-summary')).toBeFocused();
      await audit(page, 'check page with the receiver\'s problems');
      await page.getByTestId('send').click();
      await expect(page.getByTestId('send-paused')).toBeVisible();
      await audit(page, 'not sent, safe on this device');
    });
  });
}

/** Presses Tab until `locator` has the focus (a keyboard user's way there), at most 60 times. */
async function tabTo(page, locator) {
  for (let i = 0; i < 60; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

async function typeInto(page, selector, text) {
  await tabTo(page, page.locator(selector));
  await page.keyboard.type(text);
}

test('keyboard only: the estimator', async ({ page }) => {
  await page.goto('/estimate');
  await expect(page.locator('#member-no')).toBeVisible();
  // Tab reaches the radio group at its chosen answer ("No"); an arrow key changes the answer.
  await tabTo(page, page.locator('#member-no'));
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#member-yes')).toBeChecked();
  await expect(page.getByTestId('fee-per-person')).toHaveAttribute('data-amount', /^\d+\.\d\d$/);
});

test('keyboard only: the refund page', async ({ page }) => {
  await page.goto('/refund');
  await typeInto(page, '#paid', '330');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', /^\d+\.\d\d$/);
});

test('keyboard only: the whole form, to the confirmation', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/apply');
  await tabTo(page, page.getByTestId('start'));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toBeFocused();
  for (const [id, text] of [['#about-first_name', 'Aïcha'], ['#about-surname', 'Diallo'], ['#about-email', 'aicha@example.org'],
    ['#about-phone', '+34 600 000 000'], ['#about-job_title', 'Officer'], ['#about-department', 'International affairs'],
    ['#about-years_experience', '5']]) {
    await typeInto(page, id, text);
  }
  await tabTo(page, page.locator('#about-career_stage'));
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toContainText('2');
  await typeInto(page, '#organisation-name', 'Barcelona City Council');
  await tabTo(page, page.locator('#organisation-authority'));
  await page.keyboard.press('Space');
  await typeInto(page, '#organisation-city', 'Barcelona');
  await typeInto(page, '#organisation-country', 'Spain');
  await page.keyboard.press('Tab');
  await expect(page.locator('#organisation-country')).toHaveAttribute('data-iso3', 'ESP');
  for (const id of ['#organisation-member', '#organisation-dues_paid', '#organisation-ia_department']) {
    await tabTo(page, page.locator(id));
    await page.keyboard.press('Space');
  }
  await tabTo(page, page.getByTestId('continue-step'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toContainText('3');
  for (const [id, text] of [['#motivation-why', 'To learn from other cities'], ['#motivation-experience', 'Our climate plan'],
    ['#motivation-project', 'A network of cities']]) {
    await typeInto(page, id, text);
  }
  await tabTo(page, page.locator('#motivation-english'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByTestId('continue-step'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toContainText('4');
  await tabTo(page, page.locator('#registration-with_colleagues'));
  await page.keyboard.press('Space');
  for (const [id, text] of [['#registration-billing_organisation', 'Barcelona City Council'],
    ['#registration-billing_address', 'Plaça Sant Jaume 1'], ['#registration-invoice_email', 'invoices@example.org']]) {
    await typeInto(page, id, text);
  }
  await tabTo(page, page.getByTestId('continue-step'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toContainText('5');
  for (const id of ['#declarations-conditions', '#declarations-data_consent', '#declarations-truthful']) {
    await tabTo(page, page.locator(id));
    await page.keyboard.press('Space');
  }
  await tabTo(page, page.getByTestId('continue-step'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/apply\/check$/);
  await tabTo(page, page.getByTestId('send'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reference')).toHaveText(/^MD25-/);
  await expect(page.locator('h1')).toBeFocused();
});

// 320 CSS px wide (a small phone) and 640 (1280 at 200% zoom): nothing scrolls sideways.
for (const width of [320, 640]) {
  test(`at ${width} CSS px wide, no page scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const url of ['/', '/estimate?member=yes&dues=yes&people=3&country=ESP', '/refund?paid=330', '/apply',
      '/apply/about-you', '/embed.html', '/embed.html?frame=1']) {
      await page.goto(url);
      await expect(page.locator('main h1, main .embed-title').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('motion respects prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/estimate');
  await expect(page.locator('main h1')).toBeVisible();
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    return s.animationName !== 'none' || (s.transitionDuration !== '0s' && s.transitionProperty !== 'none');
  }).length);
  expect(moving).toBe(0);
});
