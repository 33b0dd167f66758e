// /estimate: the fee estimator, used as a person uses it: reached from the course page by clicking,
// answered by label, read from the quote (figures from data-amount, notes from data-note, the total
// as screen readers hear it), its answers in the address (in and out), shared with "Copy link", and
// leading to the form with "Apply with these answers" only while the edition takes applications.
//
// Sites (sites.mjs): `brochure` for the brochure's own edition (the 3rd: no early bird, open on its
// day, 17 October 2025), `open` for the early bird (10 % up to 31 May 2026; its day is 15 April 2026),
// `upcoming`, `closed`, `in-progress` and `ended` for the calendar, `diploma` for a sub-path, `broken`
// for a data file deployed broken, and `root` (the build as shipped) on the real date.
//
// The brochure's figures: list fee 660.00; members whose dues are paid 50 % off (330.00); groups of
// 2 or more 8 % off each; reduced-fee places for members: low income waived, middle income 50 % off.
import { test, expect, gotoSite, siteURL, query } from './test-base.mjs';
import { LANGS, norm, openLive, audit } from './pages.mjs';

/** The estimator's heading in each language. */
const TITLE = { en: 'Estimate your fee', fr: 'Estimez vos frais', es: 'Calcule su tarifa' };

/** What the form says when it took the estimate's answers. */
const PREFILLED = {
  en: 'The answers from your estimate were added to your application.',
  fr: 'Les réponses de votre estimation ont été reprises dans votre candidature.',
};

/** What a person reads on the estimator, per language. */
const T = {
  en: {
    member: 'Is your city or organisation a Metropolis member?',
    dues: 'Are your organisation’s 2024 membership dues paid?',
    yes: 'Yes',
    no: 'No',
    country: 'Country',
    people: 'How many people from your organisation will register?',
    date: 'Registration date',
    reduced: 'I will ask for a reduced-fee place',
    apply: 'Apply with these answers',
    copy: 'Copy link',
    copied: 'Link copied.',
    print: 'Print this estimate',
    quote: 'Your estimate',
  },
  fr: {
    member: /Votre ville ou votre organisation est-elle membre de Metropolis/,
    dues: /Votre organisation est-elle à jour de sa cotisation 2024/,
    yes: 'Oui',
    no: 'Non',
    country: 'Pays',
    people: /Combien de personnes de votre organisation/,
    date: 'Date d’inscription',
    reduced: 'Je vais demander une place à tarif réduit',
    apply: 'Déposer une candidature avec ces réponses',
    copy: 'Copier le lien',
    copied: 'Lien copié.',
    print: 'Imprimer cette estimation',
    quote: 'Votre estimation',
  },
  es: {},
};

const perPerson = (page) => page.getByTestId('fee-per-person');
const total = (page) => page.getByTestId('fee-total');
const reducedFee = (page) => page.getByTestId('fee-reduced');
const note = (page, code) => page.locator(`[data-note="${code}"]`);
const applyLink = (page) => page.getByTestId('apply-with-answers');
const announcement = (page) => page.getByRole('region', { name: /Your estimate|Votre estimation|Su estimación/ }).locator('[aria-live="polite"]');

/** The questions, by their labels. */
function questions(page, lang = 'en') {
  const t = T[lang];
  const form = page.getByRole('form', { name: /situation/i }).or(page.locator('form.estimate-form'));
  return {
    member: (answer) => form.getByRole('group', { name: t.member }).getByLabel(t[answer], { exact: true }),
    dues: (answer) => form.getByRole('group', { name: t.dues }).getByLabel(t[answer], { exact: true }),
    duesGroup: form.getByRole('group', { name: t.dues }),
    country: form.getByLabel(t.country, { exact: true }),
    people: form.getByLabel(t.people),
    date: form.getByLabel(t.date, { exact: true }),
    reduced: form.getByLabel(t.reduced, { exact: true }),
  };
}

/** Expect the figures of the quote (data-amount). */
async function expectQuote(page, { each, all, reduced }) {
  await expect(perPerson(page)).toHaveAttribute('data-amount', each);
  await expect(total(page)).toHaveAttribute('data-amount', all);
  if (reduced === null) await expect(reducedFee(page)).toHaveCount(0);
  else if (reduced !== undefined) await expect(reducedFee(page)).toHaveAttribute('data-amount', reduced);
}

/** Types the number of people as a person does, then moves on. */
async function setPeople(q, n) {
  await q.people.fill(String(n));
  await q.people.press('Tab');
}

/**
 * From the course page of `site` in `lang`, clicks "Estimate your fee" in the page's main region:
 * the estimator, live (in-app navigation).
 */
async function fromHome(page, site, lang = 'en') {
  const folder = LANGS[lang].folder;
  await openLive(page, site, folder);
  await page.getByRole('main').getByRole('link', { name: LANGS[lang].estimate, exact: true }).first().click();
  await expect(page).toHaveURL(siteURL(site, `${folder}estimate`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE[lang]);
}

test.describe('the brochure\'s cases, from the course page by clicking', () => {
  test('en: member with dues paid, then unpaid; a group; a reduced-fee place by income class', async ({ page }) => {
    await fromHome(page, 'brochure');
    const q = questions(page);
    // The plain address stays plain until an answer changes.
    await expect(page).toHaveURL(siteURL('brochure', 'estimate'));
    await expect(page.getByTestId('edition-label')).toHaveText(/^Fees of the 3rd edition, 17\s*–\s*21 November 2025$/);
    await expect(page.getByTestId('edition-label')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('edition-status')).toHaveCount(0);
    await expectQuote(page, { each: '660.00', all: '660.00', reduced: null });

    // Member, dues paid (the default once a member): 50 % off.
    await expect(q.duesGroup).toHaveCount(0);
    await q.member('yes').check();
    await expect(q.dues('yes')).toBeChecked();
    await expectQuote(page, { each: '330.00', all: '330.00' });
    await expect(announcement(page)).toHaveText('Total €330.00 for 1 person, €330.00 per person.');
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=yes&people=1');

    // Dues unpaid: the non-member fee, and a note saying why.
    await q.dues('no').check();
    await expectQuote(page, { each: '660.00', all: '660.00' });
    await expect(note(page, 'member-rate-dues-unpaid')).toContainText('membership dues to be paid');
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=no&people=1');

    // Dues paid, two people from the same organisation: 8 % off each.
    await q.dues('yes').check();
    await setPeople(q, 2);
    await expectQuote(page, { each: '303.60', all: '607.20' });
    await expect(note(page, 'group-applied')).toBeVisible();
    await expect(announcement(page)).toHaveText('Total €607.20 for 2 people, €303.60 per person.');

    // A member in Kenya (lower-middle income) asks for a reduced-fee place: 50 % off.
    await q.country.selectOption({ label: 'Kenya' });
    await expect(page.getByText('World Bank classification 2024-2025: lower-middle income')).toBeVisible();
    await q.reduced.check();
    await expectQuote(page, { each: '303.60', all: '607.20', reduced: '151.80' });
    await expect(note(page, 'reduced-places-limited')).toBeVisible();
    // In Uganda (low income): waived.
    await q.country.selectOption({ label: 'Uganda' });
    await expect(page.getByText('World Bank classification 2024-2025: low income')).toBeVisible();
    await expect(reducedFee(page)).toHaveAttribute('data-amount', '0.00');
    // In Spain (high income): none, and why.
    await q.country.selectOption({ label: 'Spain' });
    await expect(reducedFee(page)).toHaveCount(0);
    await expect(note(page, 'reduced-high-income')).toBeVisible();
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=yes&country=ESP&people=2&reduced=yes');
  });

  test('en: a non-member pays the list fee whatever the income class; three people', async ({ page }) => {
    await fromHome(page, 'brochure');
    const q = questions(page);
    await q.country.selectOption({ label: 'Kenya' });
    await expect(page.getByText('World Bank classification 2024-2025: lower-middle income')).toBeVisible();
    await q.reduced.check();
    await expectQuote(page, { each: '660.00', all: '660.00', reduced: null });
    await expect(note(page, 'reduced-not-member')).toContainText('only for participants from Metropolis member cities');
    // A country the World Bank does not classify (Venezuela): said so.
    await q.country.selectOption('VEN');
    await expect(note(page, 'country-unclassified')).toBeVisible();
    await setPeople(q, 3);
    await expectQuote(page, { each: '607.20', all: '1821.60', reduced: null });
    await expect.poll(() => new URL(page.url()).search).toBe('?member=no&country=VEN&people=3&reduced=yes');
  });

  test('fr: membre à jour, groupe, place à tarif réduit', async ({ page }) => {
    await fromHome(page, 'brochure', 'fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const q = questions(page, 'fr');
    await expect(page.getByTestId('edition-label')).toHaveText(/^Frais de la 3e édition, 17\s*–\s*21 novembre 2025$/);
    await q.member('yes').check();
    await q.dues('yes').check();
    await setPeople(q, 2);
    await expectQuote(page, { each: '303.60', all: '607.20', reduced: null });
    await expect.poll(async () => norm(await announcement(page).textContent()))
      .toBe('Total : 607,20 € pour 2 personnes, soit 303,60 € par personne.');
    await q.country.selectOption({ label: 'Kenya' });
    await q.reduced.check();
    await expect(reducedFee(page)).toHaveAttribute('data-amount', '151.80');
    // Dues unpaid: the non-member fee; the reduced-fee place is for members (dues or not).
    await q.dues('no').check();
    await expectQuote(page, { each: '607.20', all: '1214.40', reduced: '303.60' });
    await expect(note(page, 'member-rate-dues-unpaid')).toContainText('cotisation 2024');
    await expect.poll(() => new URL(page.url()).pathname).toBe(new URL(siteURL('brochure', 'fr/estimate')).pathname);
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=no&country=KEN&people=2&reduced=yes');
  });

  test.describe('at a phone\'s size', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('en, 390 × 844: member in Uganda with a reduced-fee place; nothing scrolls sideways', async ({ page }) => {
      await fromHome(page, 'brochure');
      const q = questions(page);
      await q.member('yes').tap();
      await q.country.selectOption({ label: 'Uganda' });
      await q.reduced.tap();
      await expectQuote(page, { each: '330.00', all: '330.00', reduced: '0.00' });
      await expect(applyLink(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
});

test.describe('the early bird, on its date (open site: 10 % up to 31 May 2026, today 15 April 2026)', () => {
  test('today and 31 May get it, 1 June does not', async ({ page }) => {
    await fromHome(page, 'open');
    const q = questions(page);
    // Empty means today (the hint says so).
    await expect(q.date).toHaveValue('');
    await expectQuote(page, { each: '594.00', all: '594.00' });
    await expect(note(page, 'early-bird-applied')).toContainText('31 May 2026');
    await expect(page.locator('tr[data-rule="early_bird"], tr[data-rule="early-bird"]')).toBeVisible();
    await q.date.fill('2026-05-31');
    await expectQuote(page, { each: '594.00', all: '594.00' });
    await expect.poll(() => query(page).get('date')).toBe('2026-05-31');
    await q.date.fill('2026-06-01');
    await expectQuote(page, { each: '660.00', all: '660.00' });
    await expect(note(page, 'early-bird-ended')).toContainText('31 May 2026');
    await expect.poll(() => query(page).get('date')).toBe('2026-06-01');
    // A member, two people, on time: each discount on what the previous one left.
    await q.date.fill('2026-05-31');
    await q.member('yes').check();
    await setPeople(q, 2);
    await expectQuote(page, { each: '273.24', all: '546.48' });
  });
});

test.describe('answers in the address', () => {
  const CASES = [
    ['member=yes&dues=yes&country=ESP&people=1', { each: '330.00', all: '330.00', reduced: null }],
    ['member=yes&dues=no&country=ESP&people=1', { each: '660.00', all: '660.00', reduced: null }, 'member-rate-dues-unpaid'],
    ['member=no&country=ESP&people=3', { each: '607.20', all: '1821.60', reduced: null }, 'group-applied'],
    ['member=yes&dues=yes&country=UGA&people=1&reduced=yes', { each: '330.00', all: '330.00', reduced: '0.00' }],
    ['member=yes&dues=yes&country=KEN&people=1&reduced=yes', { each: '330.00', all: '330.00', reduced: '165.00' }],
    ['member=no&country=KEN&people=1&reduced=yes', { each: '660.00', all: '660.00', reduced: null }, 'reduced-not-member'],
  ];
  for (const [params, figures, code] of CASES) {
    test(`in: ${params}`, async ({ page }) => {
      await openLive(page, 'brochure', `estimate?${params}`);
      await expectQuote(page, figures);
      if (code) await expect(note(page, code)).toBeVisible();
      // Valid answers in the fixed order: the address stays as it is.
      await expect(page).toHaveURL(siteURL('brochure', `estimate?${params}`));
      await expect(page.getByTestId('param-note')).toHaveCount(0);
    });
  }

  test('out: the fixed order, other parameters dropped, no history entry per answer', async ({ page }) => {
    await openLive(page, 'open', 'estimate?people=2&utm_source=mail&country=ken&member=YES&date=2026-05-01');
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=yes&country=KEN&people=2&date=2026-05-01');
    await expectQuote(page, { each: '273.24', all: '546.48' });
    const history = await page.evaluate(() => history.length);
    const q = questions(page);
    await q.reduced.check();
    await setPeople(q, 4);
    await q.member('no').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?member=no&country=KEN&people=4&date=2026-05-01&reduced=yes');
    expect(await page.evaluate(() => history.length), 'answering adds no history entry').toBe(history);
  });

  test('invalid values are ignored and listed, and the note stays once the address is rewritten', async ({ page }) => {
    await openLive(page, 'brochure', 'estimate?people=abc&member=maybe&country=ZZZ&dues=yes');
    const paramNote = page.getByTestId('param-note');
    await expect(paramNote).toBeVisible();
    for (const v of ['people=abc', 'member=maybe', 'country=ZZZ']) await expect(paramNote).toContainText(v);
    await expectQuote(page, { each: '660.00', all: '660.00' });
    await questions(page).member('yes').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?member=yes&dues=yes&people=1');
    await expect(paramNote).toBeVisible();
    await expect(paramNote).toContainText('people=abc');
  });

  test('hostile values are shown as text, harmlessly', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss().catch(() => {}); });
    const script = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const long = 'x'.repeat(5000);
    await openLive(page, 'brochure', `estimate?country=${encodeURIComponent(script)}&member=${long}&people=${'9'.repeat(400)}`);
    const paramNote = page.getByTestId('param-note');
    await expect(paramNote).toContainText('<script>window.__pwned=1</script>');
    await expect(paramNote).toContainText('people=999');
    await expect(paramNote.locator('script, img')).toHaveCount(0);
    await expectQuote(page, { each: '660.00', all: '660.00' });
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
  });

  // An ignored value is printed as given: a very long one must wrap, not widen the page.
  test('a very long value does not push the page sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openLive(page, 'brochure', `estimate?member=${'x'.repeat(5000)}`);
    await expect(page.getByTestId('param-note')).toContainText('member=xxx');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'a long value does not push the page sideways').toBeLessThanOrEqual(0);
  });
});

test.describe('"Apply with these answers"', () => {
  for (const lang of ['en', 'fr']) {
    test(`${lang}: while applications are open, it leads to the form with the answers`, async ({ page }) => {
      await fromHome(page, 'open', lang);
      const q = questions(page, lang);
      await q.member('yes').check();
      await q.country.selectOption('KEN');
      await setPeople(q, 2);
      const link = page.getByRole('link', { name: T[lang].apply });
      await expect(link).toHaveAttribute('href', new URL(siteURL('open', `${LANGS[lang].folder}apply?member=yes&dues=yes&country=KEN&people=2&reduced=no`)).pathname + '?member=yes&dues=yes&country=KEN&people=2&reduced=no');
      await link.click();
      // The form takes the answers into the draft, says so, and keeps a plain address.
      await expect(page.getByRole('status').filter({ hasText: PREFILLED[lang] })).toBeVisible();
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply`));
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(TITLE[lang]);
    });
  }

  const STATUS = {
    upcoming: 'Applications for this edition open on 2 March 2026. Until then, these figures are for information only.',
    closed: 'Applications for this edition are closed. These figures are for information only.',
    'in-progress': 'This edition is under way, and applications are closed. These figures are for information only.',
    ended: 'This edition ended on 20 November 2026. These were its fees, for information only.',
  };
  for (const [site, status] of Object.entries(STATUS)) {
    test(`${site}: the figures are labelled the edition's, the page says why, no apply link`, async ({ page }) => {
      await fromHome(page, site);
      await expect(page.getByTestId('edition-label')).toHaveText(/^Fees of the 4th edition, 16\s*–\s*20 November 2026$/);
      await expect(page.getByTestId('edition-label')).toHaveAttribute('data-state', site);
      await expect(page.getByTestId('edition-status')).toHaveText(status);
      await questions(page).member('yes').check();
      await expectQuote(page, { each: site === 'upcoming' ? '297.00' : '330.00', all: site === 'upcoming' ? '297.00' : '330.00' });
      await expect(applyLink(page)).toHaveCount(0);
      await expect(page.getByRole('link', { name: T.en.apply })).toHaveCount(0);
    });
  }

  test.describe('on the real date', () => {
    test.use({ realClock: true });
    test('the build as shipped: the brochure\'s edition has ended; the page says so, no apply link', async ({ page }) => {
      await fromHome(page, 'root');
      await expect(page.getByTestId('edition-label')).toHaveText(/^Fees of the 3rd edition, 17\s*–\s*21 November 2025$/);
      await expect(page.getByTestId('edition-label')).toHaveAttribute('data-state', 'ended');
      await expect(page.getByTestId('edition-status')).toHaveText('This edition ended on 21 November 2025. These were its fees, for information only.');
      await questions(page).member('yes').check();
      await expectQuote(page, { each: '330.00', all: '330.00' });
      await expect(applyLink(page)).toHaveCount(0);
    });
  });
});

test('Copy link: the link copied is the one shown, and it reopens the same quote', async ({ page, context }) => {
  await fromHome(page, 'brochure');
  const q = questions(page);
  await q.member('yes').check();
  await q.country.selectOption({ label: 'Spain' });
  await setPeople(q, 2);
  await expectQuote(page, { each: '303.60', all: '607.20' });
  const expected = siteURL('brochure', 'estimate?member=yes&dues=yes&country=ESP&people=2');
  const shown = page.getByLabel('Link to this estimate');
  await expect(shown).toHaveValue(expected);
  await page.getByRole('button', { name: T.en.copy }).click();
  await expect(page.getByRole('status').filter({ hasText: T.en.copied })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  const other = await context.newPage();
  await other.goto(expected);
  await expectQuote(other, { each: '303.60', all: '607.20' });
  const o = questions(other);
  await expect(o.member('yes')).toBeChecked();
  await expect(o.dues('yes')).toBeChecked();
  await expect(o.country).toHaveValue('ESP');
  await expect(o.people).toHaveValue('2');
});

test.describe('served from a sub-path (/diploma/)', () => {
  test('from the course page; a deep link survives a reload', async ({ page }) => {
    await fromHome(page, 'diploma');
    await openLive(page, 'diploma', 'estimate?member=yes&dues=yes&country=ESP&people=1');
    await expectQuote(page, { each: '297.00', all: '297.00' });
    await page.reload();
    await expectQuote(page, { each: '297.00', all: '297.00' });
    expect(new URL(page.url()).pathname).toBe('/diploma/estimate');
    await expect(applyLink(page)).toHaveAttribute('href', '/diploma/apply?member=yes&dues=yes&country=ESP&people=1&reduced=no');
  });
});

test('Print this estimate: one A4 page with the edition, the date, the lines, the totals and the caveat', async ({ page }) => {
  await openLive(page, 'brochure', 'estimate?member=yes&dues=yes&country=KEN&people=2&reduced=yes');
  await expectQuote(page, { each: '303.60', all: '607.20', reduced: '151.80' });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Fee estimate: Metropolis Diploma in Internationalization for Local Authorities')).toBeVisible();
  await expect(page.getByText('Estimate made on 17 October 2025.')).toBeVisible();
  await expect(page.getByText('This is an estimate, not an invoice.', { exact: false })).toBeVisible();
  await expect(page.locator('form.estimate-form')).toBeHidden();
  await expect(page.getByRole('button', { name: T.en.print })).toBeHidden();
  await expect(page.locator('tr[data-rule="group"]')).toBeVisible();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages, 'the quote fits one A4 page').toBe(1);
});

// ---------------------------------------------------------------------------------------------
// Accessibility of the estimator: axe in every language, at a desktop's and a phone's width, in the
// states a person meets; the keyboard alone; the focus after an in-app move; no sideways scrolling.

/** The states a person meets, by site (one site per test: each has its own day). */
const A11Y_PAGES = {
  open: ['estimate?member=yes&dues=yes&people=3&country=ESP', 'estimate?member=yes&dues=yes&country=NPL&reduced=yes', 'estimate?people=abc&member=maybe'],
  closed: ['estimate?member=yes&dues=no&country=VEN'],
};
for (const [lang, l] of Object.entries(LANGS)) {
  for (const width of [1280, 390]) for (const [site, paths] of Object.entries(A11Y_PAGES)) {
    test(`accessibility, ${lang} at ${width} px: the estimator on the ${site} site`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      for (const path of paths) {
        await openLive(page, site, `${l.folder}${path}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(perPerson(page)).toHaveAttribute('data-amount', /^\d+\.\d\d$/);
        if (path.includes('abc')) await expect(page.getByTestId('param-note')).toBeVisible();
        await audit(page, `${site}/${l.folder}${path}`);
      }
    });
  }
}

/** Presses Tab until `locator` has the focus (a keyboard user's way there), at most 60 times. */
async function tabTo(page, locator) {
  for (let i = 0; i < 60; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

test('keyboard only: from the course page to an estimate and on to the form', async ({ page }) => {
  await openLive(page, 'open', '/');
  const estimate = page.getByRole('main').getByRole('link', { name: LANGS.en.estimate, exact: true }).first();
  await tabTo(page, estimate);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(siteURL('open', 'estimate'));
  // After the in-app move, the focus is on the new page's main region (or its heading).
  await expect.poll(() => page.evaluate(() => {
    const el = document.activeElement;
    return !!el && (el.matches('main, main h1') || el === document.querySelector('main'));
  })).toBe(true);
  const q = questions(page);
  // Tab reaches the radio group at its chosen answer ("No"); an arrow key changes the answer.
  await tabTo(page, q.member('no'));
  await page.keyboard.press('ArrowUp');
  await expect(q.member('yes')).toBeChecked();
  await expectQuote(page, { each: '297.00', all: '297.00' });
  // The country, by typing its name on the list.
  await tabTo(page, q.country);
  await page.keyboard.type('Kenya');
  await expect(q.country).toHaveValue('KEN');
  // The number of people, typed.
  await tabTo(page, q.people);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await expectQuote(page, { each: '273.24', all: '546.48' });
  // The reduced-fee place, with the space bar.
  await tabTo(page, q.reduced);
  await page.keyboard.press('Space');
  await expect(q.reduced).toBeChecked();
  await expect(reducedFee(page)).toHaveAttribute('data-amount', '136.62');
  // On to the form with the answers.
  await tabTo(page, applyLink(page));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline, 'the focused link shows the focus').not.toBe('none');
  await expect(applyLink(page)).toHaveAttribute('href', '/open/apply?member=yes&dues=yes&country=KEN&people=2&reduced=yes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: PREFILLED.en })).toBeVisible();
  await expect(page).toHaveURL(siteURL('open', 'apply'));
});

for (const width of [320, 640]) {
  test(`at ${width} CSS px wide, the estimator does not scroll sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const [lang, l] of Object.entries(LANGS)) {
      await openLive(page, 'open', `${l.folder}estimate?member=yes&dues=yes&people=3&country=KEN&reduced=yes`);
      await expect(reducedFee(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${lang} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('motion respects prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLive(page, 'open', 'estimate?member=yes');
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    const animated = s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01;
    const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01) && s.transitionProperty !== 'none';
    return animated || transitions;
  }).map((el) => el.outerHTML.slice(0, 80)));
  expect(moving).toEqual([]);
});
