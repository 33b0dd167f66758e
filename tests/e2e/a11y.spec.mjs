// Accessibility of the site's pages (the course page, the refund page, the not-found page, the data
// error page): axe (WCAG 2.1 A and AA, and best practices) with zero violations in English, French
// and Spanish, under the site's security policy; the refund page used with the keyboard alone;
// nothing scrolls sideways at 320 and 1280 CSS px; nothing moves for people who ask for less motion.
//
// Every page of the site (the course, the estimator, the refund page, the partner page, the partner's
// frame, the form's first page) is audited again in every language at a desktop's and a phone's
// width, and checked for sideways scrolling at 320 px; moving inside the site with its links puts
// the focus on the new page's main region. (The estimator's states, the partner page's and the
// frame's in detail are in estimate.spec.mjs and embed.spec.mjs; the form's in apply.spec.mjs.)
import { test, expect, gotoSite, siteURL, expectFailure } from './test-base.mjs';
import { LANGS, openLive, audit } from './pages.mjs';

for (const [lang, t] of Object.entries(LANGS)) {
  test.describe(`in ${lang}`, () => {
    for (const state of ['open', 'ended']) {
      test(`the course page, ${state}`, async ({ page }) => {
        await openLive(page, state, t.folder);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.site);
        await audit(page, `${state} ${t.folder}`);
      });
    }

    test('the refund page: empty, with figures and the email written, with an amount error', async ({ page }) => {
      await openLive(page, 'open', `${t.folder}refund`);
      await audit(page, 'refund, empty');
      await openLive(page, 'open', `${t.folder}refund?paid=660`);
      await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '495.00');
      await page.getByLabel({ en: 'Name and surname', fr: 'Prénom et nom', es: 'Nombre y apellidos' }[lang]).fill('Amina Odhiambo');
      await audit(page, 'refund, with figures');
      const amount = page.getByLabel({ en: 'Amount you paid', fr: 'Montant payé', es: 'Importe pagado' }[lang]);
      await amount.fill('abc');
      await amount.press('Tab');
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
      await audit(page, 'refund, amount error');
      // After the last refund day (no refund, the other timeline).
      await openLive(page, 'open', `${t.folder}refund?paid=660&date=2026-10-20`);
      await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '0.00');
      await audit(page, 'refund, too late');
    });

    test('the not-found page', async ({ page }) => {
      expectFailure(siteURL('open', `${t.folder}nowhere`));
      await gotoSite(page, 'open', `${t.folder}nowhere`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
      await audit(page, 'not found');
    });

    test('the data error page', async ({ page }) => {
      expectFailure(siteURL('broken', 'edition.json'));
      await gotoSite(page, 'broken', t.folder);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(t.site);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await audit(page, 'data error');
    });
  });
}

/** Every page of the site; the frame is the embed entry's (no config.json check: opened plainly). */
const EVERY_PAGE = [
  ['the course page', ''],
  ['the estimator', 'estimate?member=yes&dues=yes&country=KEN&people=2&reduced=yes'],
  ['the refund page', 'refund?paid=660'],
  ['the partner page', 'embed'],
  ['the partner frame', 'embed/estimate?member=yes&country=KEN&people=2'],
  ['the form', 'apply'],
];
const openPage = (page, path) => (path.includes('embed/estimate') ? gotoSite(page, 'open', path) : openLive(page, 'open', path));

/** Once the page is live, the answers of its address are applied (the estimator and the frame). */
async function expectLive(page, rest) {
  if (rest.includes('estimate?')) await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '546.48');
}

for (const [lang, t] of Object.entries(LANGS)) {
  for (const [what, rest] of EVERY_PAGE) {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      test(`every page, ${lang} at ${width} px: ${what}, no violations`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await openPage(page, `${t.folder}${rest}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectLive(page, rest);
        if (rest === 'embed') {
          // The live preview is part of the page: audit it loaded (it loads when scrolled to).
          await page.getByTestId('embed-preview').scrollIntoViewIfNeeded();
          await expect(page.frameLocator('[data-testid="embed-preview"] iframe').getByTestId('fee-total')).toBeVisible();
        }
        await audit(page, `${what} (${t.folder}${rest}) at ${width}px`);
      });
    }
    test(`every page, ${lang} at 320 px: ${what}, nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await openPage(page, `${t.folder}${rest}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectLive(page, rest);
      if (rest === 'embed') {
        await page.getByTestId('embed-preview').scrollIntoViewIfNeeded();
        await expect(page.frameLocator('[data-testid="embed-preview"] iframe').getByTestId('fee-total')).toBeVisible();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${what} (${t.folder}${rest})`).toBeLessThanOrEqual(0);
    });
  }
}

for (const [lang, t] of Object.entries(LANGS)) {
  test(`${lang}: after a move inside the site, the focus is on the new page's main region`, async ({ page }) => {
    await openLive(page, 'open', t.folder);
    await page.evaluate(() => { window.__sameDocument = true; });
    const nav = page.getByRole('navigation', { name: t.nav.label });
    for (const [name, path] of [[t.nav.estimate, 'estimate'], [t.nav.refund, 'refund'], [t.nav.home, ''], [t.nav.apply, 'apply']]) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(siteURL('open', `${t.folder}${path}`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect.poll(() => page.evaluate(() => {
        const el = document.activeElement;
        return !!el && el.matches('main, main h1');
      }), `the focus after moving to ${path || 'the course page'}`).toBe(true);
    }
    expect(await page.evaluate(() => window.__sameDocument), 'in-app moves, no page load').toBe(true);
  });
}

/** Presses Tab until `locator` has the focus, as a keyboard user does, at most 40 times. */
async function tabTo(page, locator, { backwards = false } = {}) {
  for (let i = 0; i < 40; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(locator).toBeFocused();
}

// The skip link is the page's own address and #main (a bare #main would resolve against <base href>
// and load the course page).
for (const [lang, path] of [['en', 'refund'], ['fr', 'fr/refund'], ['es', 'es/']]) {
  test(`keyboard only, ${lang}: the skip link takes the focus to this page's main content`, async ({ page }) => {
    await openLive(page, 'open', path);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    await page.evaluate(() => { window.__sameDocument = true; });
    // The first Tab reaches the skip link, shown when focused.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: { en: 'Skip to main content', fr: 'Aller au contenu principal', es: 'Saltar al contenido principal' }[lang] });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    // Still this page, its main region focused: the next Tab is inside it.
    await expect(page).toHaveURL(new RegExp(`^${siteURL('open', path).replace(/[.?]/g, '\\$&')}(#main)?$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('main')).toBeFocused();
    expect(await page.evaluate(() => window.__sameDocument), 'no page load').toBe(true);
  });
}

test('keyboard only: the refund page, from the top to the cancellation email', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLive(page, 'open', '/refund');
  // The amount, then the date, in that order.
  await tabTo(page, page.getByLabel('Amount you paid'));
  await page.keyboard.type('660');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Date you send the written cancellation')).toBeFocused();
  await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '495.00');
  // The date with the keyboard: a day later, then back.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Date you send the written cancellation')).not.toHaveValue('2026-04-15');
  await expect(page.getByTestId('refund-due-by')).not.toHaveAttribute('data-date', '2026-05-15');
  // The email's fields, by Tab.
  await tabTo(page, page.getByLabel('Name and surname'));
  await page.keyboard.type('Amina Odhiambo');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Date you registered')).toBeFocused();
  await tabTo(page, page.getByLabel('Phone number or email address'));
  await page.keyboard.type('amina@nairobi.example');
  await expect(page.getByLabel('Your message')).toHaveValue(/Name and surname: Amina Odhiambo/);
  // Copy with the keyboard, and the status is announced.
  await tabTo(page, page.getByRole('button', { name: 'Copy text' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Text copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('amina@nairobi.example');
  // The way back up: Shift+Tab reaches the mail link before the copy button.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Open in your email program' })).toBeFocused();
  // Every focused control shows where the focus is.
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
});

test('keyboard only: the course page\'s ways in', async ({ page }) => {
  await openLive(page, 'open', '/');
  const apply = page.getByRole('main').getByRole('link', { name: 'Apply', exact: true }).first();
  await tabTo(page, apply);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(siteURL('open', 'apply'));
  // After an in-app move, the focus is at the top of the new page's main region.
  await expect(page.getByRole('main')).toBeFocused();
});

test.describe('nothing scrolls sideways', () => {
  const NAME = { en: 'Name and surname', fr: 'Prénom et nom', es: 'Nombre y apellidos' };
  const PAGES = [
    ['open', 'en', ''], ['open', 'fr', ''], ['ended', 'es', ''], ['upcoming', 'en', ''],
    ['open', 'en', 'refund?paid=1821.60'], ['open', 'fr', 'refund?paid=abc'], ['open', 'es', 'refund?paid=660&date=2026-10-20'],
    ['open', 'en', 'nowhere'], ['broken', 'fr', 'refund'],
  ];
  for (const width of [320, 1280]) {
    for (const [site, lang, rest] of PAGES) {
      const path = `${LANGS[lang].folder}${rest}`;
      test(`at ${width} CSS px: ${site}/${path}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        if (site === 'broken') expectFailure(siteURL(site, 'edition.json'));
        if (rest === 'nowhere') expectFailure(siteURL(site, path));
        if (site === 'broken' || rest === 'nowhere') await gotoSite(page, site, path);
        else await openLive(page, site, path);
        if (site === 'broken') await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les données de la formation sont inutilisables');
        else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // A long name in the email, as real names are.
        if (rest.startsWith('refund') && site !== 'broken') {
          await page.getByLabel(NAME[lang]).fill('Amina Odhiambo Wanjiru-Kamau, Directora de Relaciones Internacionales');
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }
});

test('the refund form at 1280 px: each label above its own field, the fields lined up', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLive(page, 'open', '/refund');
  for (const label of ['Amount you paid', 'Date you send the written cancellation', 'Name and surname', 'Date you registered', 'Phone number or email address', 'Your message']) {
    const field = page.getByLabel(label);
    const text = page.locator('label', { hasText: label });
    const [l, f] = [await text.boundingBox(), await field.boundingBox()];
    expect(l.y + l.height, `"${label}" is above its field`).toBeLessThanOrEqual(f.y + 1);
    expect(Math.abs(l.x - f.x), `"${label}" starts where its field starts`).toBeLessThanOrEqual(2);
  }
  const lefts = await Promise.all(['Name and surname', 'Date you registered', 'Phone number or email address', 'Your message']
    .map(async (label) => (await page.getByLabel(label).boundingBox()).x));
  expect(new Set(lefts.map(Math.round)).size, `the email's fields start at the same x: ${lefts}`).toBe(1);
});

test('prefers-reduced-motion: nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of ['/', 'refund?paid=660']) {
    await openLive(page, 'open', path);
    const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      const animated = s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01;
      const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01) && s.transitionProperty !== 'none';
      return animated || transitions;
    }).map((el) => el.outerHTML.slice(0, 80)));
    expect(moving, path).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
  }
});
