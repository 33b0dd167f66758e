// Languages: the switcher (its links, the current language, a full page load that keeps the
// query), `?lang=` (still working, and remembered), the remembered language on a later visit to an
// unprefixed address, the browser's languages choosing on an unprefixed address (never over one
// the address or the visitor chose), the partner's frame never touching this site's storage, the
// alternates search engines read, and the not-found page in each language.
//
// Storage is driven through the UI (the switcher, `?lang=`), except where a test is about what a
// frame may not write.
import { test, expect, gotoSite, gotoPartner, siteURL, expectFailure, newContext } from './test-base.mjs';
import { LANGS, openLive } from './pages.mjs';

const switcher = (page, lang = 'en') => page.getByRole('navigation', { name: LANGS[lang].switcher });

/** Marks the document, so that a test can tell a full page load (the mark is gone) from an in-app one. */
const mark = (page) => page.evaluate(() => { window.__sameDocument = true; });
const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

test('the switcher: each language\'s link to this page with its query, the current one marked', async ({ page }) => {
  await openLive(page, 'open', '/refund?paid=330');
  await expect(page.getByLabel('Amount you paid')).toHaveValue('330');
  const nav = switcher(page);
  await expect(nav.getByRole('link')).toHaveText(['English', 'Français', 'Español']);
  await expect(nav.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', /^(page|true)$/);
  for (const other of ['Français', 'Español']) await expect(nav.getByRole('link', { name: other })).not.toHaveAttribute('aria-current', /.+/);
  // English is at the site's root: its link says so (lang=en), so that the choice is remembered.
  await expect(nav.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/open/refund?paid=330.00&lang=en');
  await expect(nav.getByRole('link', { name: 'Français' })).toHaveAttribute('href', '/open/fr/refund?paid=330.00');
  await expect(nav.getByRole('link', { name: 'Español' })).toHaveAttribute('href', '/open/es/refund?paid=330.00');
  // Each link is in its own language, for screen readers.
  await expect(nav.getByRole('link', { name: 'Français' })).toHaveAttribute('lang', 'fr');
  await expect(nav.getByRole('link', { name: 'Español' })).toHaveAttribute('lang', 'es');
});

test('choosing a language loads its own page, with the same answers', async ({ page }) => {
  await openLive(page, 'open', '/refund?paid=330&date=2026-05-02');
  await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
  await mark(page);
  await switcher(page).getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(siteURL('open', 'fr/refund?paid=330.00&date=2026-05-02'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annulations et remboursements');
  expect(await sameDocument(page), 'a full page load (each language is its own page)').toBe(false);
  await expect(page.getByLabel('Montant payé')).toHaveValue('330.00');
  await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
  await expect(switcher(page, 'fr').getByRole('link', { name: 'Français' })).toHaveAttribute('aria-current', /^(page|true)$/);
  await expect(switcher(page, 'fr').getByRole('link', { name: 'English' })).not.toHaveAttribute('aria-current', /.+/);
});

test('the language chosen with the switcher is the one a later unprefixed address opens in', async ({ page }) => {
  await openLive(page, 'open', '/');
  await switcher(page).getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(siteURL('open', 'es/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGS.es.site);
  // Days later, a link to the English address.
  await gotoSite(page, 'open', '/refund');
  await expect(page).toHaveURL(siteURL('open', 'es/refund'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancelaciones y reembolsos');
  // Back to English by the switcher: remembered too.
  await switcher(page, 'es').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(siteURL('open', 'refund'));
  await gotoSite(page, 'open', '/');
  await expect(page).toHaveURL(siteURL('open', '/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('?lang= still works: the page in that language, the parameter gone, the choice remembered', async ({ page }) => {
  await gotoSite(page, 'open', '/refund?lang=fr&paid=330');
  await expect(page).toHaveURL(siteURL('open', 'fr/refund?paid=330.00'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annulations et remboursements');
  await expect(page.getByLabel('Montant payé')).toHaveValue('330');
  // Remembered: an unprefixed address later opens in French.
  await gotoSite(page, 'open', '/');
  await expect(page).toHaveURL(siteURL('open', 'fr/'));
  // ?lang= on a language's own page moves to the asked one.
  await gotoSite(page, 'open', 'fr/refund?lang=es');
  await expect(page).toHaveURL(siteURL('open', 'es/refund'));
  await gotoSite(page, 'open', 'es/?lang=en');
  await expect(page).toHaveURL(siteURL('open', '/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await gotoSite(page, 'open', '/estimate');
  await expect(page).toHaveURL(siteURL('open', 'estimate'));
  // Something else than a language changes nothing.
  await gotoSite(page, 'open', '/refund?lang=de');
  await expect(page).toHaveURL(siteURL('open', 'refund'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('the browser\'s languages', () => {
  for (const [locale, lang] of [['fr-FR', 'fr'], ['es-MX', 'es'], ['de-DE', 'en']]) {
    test(`${locale}: an unprefixed address opens in ${LANGS[lang].name}`, async ({ browser }) => {
      const context = await newContext(browser, { locale });
      const page = await context.newPage();
      await gotoSite(page, 'open', '/refund?paid=330');
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}refund?paid=330.00`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGS[lang].refund);
      await context.close();
    });
  }

  test('never over the language in the address, nor over the one the visitor chose', async ({ browser }) => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    await gotoSite(page, 'open', 'es/refund');
    await expect(page).toHaveURL(siteURL('open', 'es/refund'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    // The Spanish page was visited: that is the visitor's language now, over the browser's French.
    await gotoSite(page, 'open', '/');
    await expect(page).toHaveURL(siteURL('open', 'es/'));
    await switcher(page, 'es').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(siteURL('open', '/'));
    await gotoSite(page, 'open', '/refund');
    await expect(page).toHaveURL(siteURL('open', 'refund'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancellations and refunds');
    await context.close();
  });
});

test('the partner\'s frames never touch this site\'s storage', async ({ page }) => {
  // The partner page frames two estimators from the open site, the first one in French.
  await gotoPartner(page, 'open');
  await expect(page.locator('iframe')).toHaveCount(2);
  await expect.poll(() => page.frames().filter((f) => f.url().startsWith(siteURL('open', '/'))).length).toBe(2);
  for (const frame of page.frames().filter((f) => f.url().startsWith(siteURL('open', '/')))) {
    await frame.waitForLoadState('load');
    expect(await frame.evaluate(() => Object.keys(localStorage)), `${frame.url()}: this site's storage`).toEqual([]);
  }
  // So the site itself, opened afterwards, is in the visitor's language, not the frame's.
  await gotoSite(page, 'open', '/');
  await expect(page).toHaveURL(siteURL('open', '/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('alternates name each language\'s address of the page', async ({ page }) => {
  await gotoSite(page, 'open', 'fr/refund');
  const alternate = (hreflang) => page.locator(`head link[rel="alternate"][hreflang="${hreflang}"]`);
  await expect(alternate('en')).toHaveAttribute('href', '/open/refund');
  await expect(alternate('fr')).toHaveAttribute('href', '/open/fr/refund');
  await expect(alternate('es')).toHaveAttribute('href', '/open/es/refund');
  await expect(alternate('x-default')).toHaveAttribute('href', '/open/refund');
});

test.describe('the not-found page, in each language', () => {
  for (const [lang, t] of Object.entries(LANGS)) {
    test(`${lang}: said in the address's language, with the way back to the course`, async ({ page }) => {
      const url = siteURL('open', `${t.folder}no-such-page`);
      expectFailure(url);
      const res = await gotoSite(page, 'open', `${t.folder}no-such-page`);
      expect(res.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
      await expect(page).toHaveTitle(`${t.notFound} – ${t.site}`);
      await page.getByRole('main').getByRole('link', { name: t.backHome }).click();
      await expect(page).toHaveURL(siteURL('open', t.folder));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.site);
    });
  }
});
