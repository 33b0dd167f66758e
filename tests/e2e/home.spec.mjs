// The course page (/): where the edition stands on each site's fixed day, said first and in plain
// words, in English and French; Apply only while applications are open, and it leads to the form
// by clicking; the essentials from the data (and only what the data gives); a page left open across
// Barcelona midnight; and, on the real date, what the build as shipped says today.
//
// Every state site shows ONE edition (fixtures/edition.json, the 4th: applications 2 March to
// 16 October 2026, course 16-20 November 2026, the 5th announced) on another day (sites.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, gotoSite, siteURL } from './test-base.mjs';
import { REPO, editionState } from './sites.mjs';
import { LANGS, mainLines, norm, openLive } from './pages.mjs';

/** What the page says first on each state site's day. */
const STATES = {
  upcoming: {
    en: 'Applications for the 4th edition open on 2 March 2026.',
    fr: 'Les candidatures à la 4e édition ouvriront le 2 mars 2026.',
  },
  open: {
    en: 'Applications for the 4th edition are open until 16 October 2026 inclusive.',
    fr: 'Les candidatures à la 4e édition sont ouvertes jusqu’au 16 octobre 2026 inclus.',
  },
  closed: {
    en: 'Applications for the 4th edition are closed: the last day to apply was 16 October 2026.',
    fr: 'Les candidatures à la 4e édition sont closes : la date limite était le 16 octobre 2026.',
  },
  'in-progress': {
    en: 'The 4th edition is under way. Applications are closed.',
    fr: 'La 4e édition est en cours. Les candidatures sont closes.',
  },
  ended: {
    en: 'The 4th edition ended on 20 November 2026.',
    fr: 'La 4e édition s’est achevée le 20 novembre 2026.',
  },
};

/** The next edition as the ended site announces it. */
const NEXT = {
  en: {
    title: 'The next edition',
    dates: 'Dates: 15 – 19 November 2027.',
    text: 'The 5th edition will take place in Barcelona. Applications open in spring 2027.',
    link: 'Read about the next edition',
  },
  fr: {
    title: 'La prochaine édition',
    dates: 'Dates : 15–19 novembre 2027.',
    text: 'La 5e édition aura lieu à Barcelone. Les candidatures ouvriront au printemps 2027.',
    link: 'En savoir plus sur la prochaine édition',
  },
};
const HOW = { en: 'How registration works', fr: 'Déroulement de l’inscription' };

const main = (page) => page.getByRole('main');
const applyLinks = (page, lang) => main(page).getByRole('link', { name: LANGS[lang].apply, exact: true });

/** The state sentence comes first: the line right after the page's heading. */
async function expectSaidFirst(page, lang, sentence) {
  const lines = await mainLines(page);
  const title = lines.indexOf(norm(LANGS[lang].site));
  expect(title, `the heading "${LANGS[lang].site}" in ${JSON.stringify(lines.slice(0, 4))}`).toBeGreaterThanOrEqual(0);
  expect(lines[title + 1]).toBe(norm(sentence));
}

for (const [state, sentences] of Object.entries(STATES)) {
  for (const lang of ['en', 'fr']) {
    test(`${state}, ${lang}: the state is said first; Apply ${state === 'open' ? 'at the top and under how registration works' : 'nowhere on the page'}`, async ({ page }) => {
      await openLive(page, state, LANGS[lang].folder);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGS[lang].site);
      await expectSaidFirst(page, lang, sentences[lang]);
      const how = page.getByRole('region', { name: HOW[lang] });
      await expect(how).toBeVisible();
      if (state === 'open') {
        await expect(applyLinks(page, lang)).toHaveCount(2);
        await expect(how.getByRole('link', { name: LANGS[lang].apply, exact: true })).toBeVisible();
      } else {
        await expect(applyLinks(page, lang)).toHaveCount(0);
        // Where Apply would be, the state sentence says what applies.
        await expect(how.getByText(sentences[lang])).toBeVisible();
      }
      // The estimate and the refund page are there in every state (people who paid still cancel).
      await expect(main(page).getByRole('link', { name: LANGS[lang].estimate, exact: true }).first()).toBeVisible();
      await expect(main(page).getByRole('link', { name: LANGS[lang].refund, exact: true })).toBeVisible();
      const next = page.getByRole('region', { name: NEXT[lang].title });
      if (state === 'ended') {
        await expect(next).toContainText(NEXT[lang].dates);
        await expect(next).toContainText(NEXT[lang].text);
        await expect(next.getByRole('link', { name: NEXT[lang].link })).toHaveAttribute('href', 'https://example.org/metropolis-diploma/2027');
      } else {
        await expect(next).toHaveCount(0);
      }
    });
  }
}

for (const lang of ['en', 'fr']) {
  test(`open, ${lang}: Apply leads to the form by clicking`, async ({ page }) => {
    await openLive(page, 'open', LANGS[lang].folder);
    await applyLinks(page, lang).first().click();
    await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply`));
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(LANGS[lang].site);
    // And the second one, under "How registration works", from the course page again.
    await page.goBack();
    await expect(page).toHaveURL(siteURL('open', LANGS[lang].folder));
    await page.getByRole('region', { name: HOW[lang] }).getByRole('link', { name: LANGS[lang].apply, exact: true }).click();
    await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply`));
  });
}

test('open: the essentials, every figure from the data', async ({ page }) => {
  await openLive(page, 'open', '/');
  const facts = page.getByRole('main').locator('dl').first();
  await expect(facts).toContainText('When');
  await expect(page.getByTestId('course-dates')).toHaveText(/^16\s*–\s*20 November 2026$/);
  await expect(page.getByTestId('course-length')).toHaveText('5 days');
  await expect(facts).toContainText('€660.00 per participant, before discounts');
  const fees = page.getByRole('region', { name: 'Fees' });
  for (const line of [
    'Non-members: €660.00 per participant.',
    'Participants from Metropolis member cities up to date with their 2024 membership contributions: 50% off.',
    'Group registrations of at least 2 participants from the same organisation: 8% off for each participant.',
    'according to the World Bank’s income classifications for 2024-2025, for up to 3 participants in total',
    'Low-income countries: the fee is waived.',
    'Middle-income countries: 50% off.',
    'Early registration: 10% off for registrations up to and including 31 May 2026.',
  ]) {
    await expect(fees).toContainText(line);
  }
  await expect(fees.getByRole('link', { name: 'The general conditions of the course' }))
    .toHaveAttribute('href', 'https://example.org/metropolis-diploma/general-conditions');
  const included = page.getByRole('region', { name: 'What is included' });
  await expect(included.getByRole('listitem')).toHaveCount(9);
  await expect(included).toContainText('A 10-trip public transportation card');
  const excluded = page.getByRole('region', { name: 'What is not included' });
  await expect(excluded).toContainText('Accommodation: participants receive a list of hotels');
  const how = page.getByRole('region', { name: 'How registration works' });
  await expect(how).toContainText('Questions: write to diploma@example.org.');
  await expect(how.getByRole('link', { name: 'diploma@example.org' })).toHaveAttribute('href', 'mailto:diploma@example.org');
});

test('the host city is named in the page\'s language, from the data', async ({ page }) => {
  // `open`'s edition names the city per language; `figures`' names it once for every language.
  for (const [site, folder, where, intro] of [
    ['open', 'fr/', 'Barcelone, en présentiel', 'la formation de Barcelone'],
    ['open', 'es/', 'Barcelona, presencial', 'el curso de Barcelona'],
    ['figures', 'fr/', 'Barcelona, en présentiel', 'la formation de Barcelona'],
  ]) {
    await gotoSite(page, site, folder);
    await expect(page.getByRole('main').locator('dl').first()).toContainText(where);
    await gotoSite(page, site, `${folder}apply`);
    await expect(page.getByRole('main')).toContainText(intro);
  }
});

test('brochure: no early bird, no general conditions and no contact address when the data has none', async ({ page }) => {
  await openLive(page, 'brochure', '/');
  await expectSaidFirst(page, 'en', 'Applications for the 3rd edition are open until 16 November 2025 inclusive.');
  const fees = page.getByRole('region', { name: 'Fees' });
  await expect(fees).toContainText('Participants from Metropolis member cities up to date with their 2024 membership contributions: 50% off.');
  await expect(fees).not.toContainText('Early registration');
  await expect(fees.getByRole('link', { name: 'The general conditions of the course' })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('@');
  await expect(page.getByRole('main').getByRole('link', { name: /@/ })).toHaveCount(0);
});

test.describe('a page left open across Barcelona midnight', () => {
  test.describe('the last day of applications', () => {
    // 23:59:30 in Barcelona (CEST) on 16 October 2026, the last day to apply.
    test.use({ clockTime: '2026-10-16T21:59:30Z' });
    test('the state and Apply change at midnight, without a reload', async ({ page }) => {
      await openLive(page, 'open', '/');
      await expectSaidFirst(page, 'en', STATES.open.en);
      await expect(applyLinks(page, 'en')).toHaveCount(2);
      await page.clock.fastForward('01:00');
      await expect(page.getByText(STATES.closed.en).first()).toBeVisible();
      await expectSaidFirst(page, 'en', STATES.closed.en);
      await expect(applyLinks(page, 'en')).toHaveCount(0);
    });
  });

  test.describe('the last day of the course', () => {
    // 23:59:30 in Barcelona (CET) on 20 November 2026, the course's last day.
    test.use({ clockTime: '2026-11-20T22:59:30Z' });
    test('the next edition appears at midnight, in French', async ({ page }) => {
      await openLive(page, 'in-progress', 'fr/');
      await expectSaidFirst(page, 'fr', STATES['in-progress'].fr);
      await expect(page.getByRole('region', { name: NEXT.fr.title })).toHaveCount(0);
      await page.clock.fastForward('01:00');
      await expect(page.getByRole('region', { name: NEXT.fr.title })).toContainText(NEXT.fr.dates);
      await expectSaidFirst(page, 'fr', STATES.ended.fr);
    });
  });
});

test.describe('on the real date', () => {
  test.use({ realClock: true });
  // The one test on the real date (issue 16): the build as shipped (public/edition.json), today.
  test('the build as shipped says where its edition stands today', async ({ page }) => {
    const edition = JSON.parse(readFileSync(join(REPO, 'public', 'edition.json'), 'utf8'));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());
    const state = editionState(edition, today);
    const day = (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const n = edition.course.edition_number;
    const nth = `${n}${[11, 12, 13].includes(n % 100) ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th'} edition`;
    const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const sentence = {
      upcoming: `Applications for the ${nth} open on ${day(edition.applications?.opens || today)}.`,
      open: `Applications for the ${nth} are open until ${day(edition.applications?.closes || dayBefore(edition.course.start_date))} inclusive.`,
      closed: `Applications for the ${nth} are closed: the last day to apply was ${day(edition.applications?.closes || dayBefore(edition.course.start_date))}.`,
      'in-progress': `The ${nth} is under way. Applications are closed.`,
      ended: `The ${nth} ended on ${day(edition.course.end_date)}.`,
    }[state];
    await openLive(page, 'root', '/');
    await expectSaidFirst(page, 'en', sentence);
    await expect(applyLinks(page, 'en')).toHaveCount(state === 'open' ? 2 : 0);
    await expect(page.getByRole('region', { name: 'The next edition' })).toHaveCount(state === 'ended' && edition.next_edition ? 1 : 0);
  });
});

test('the course page is the site\'s first page: the brand and "The course" lead back to it', async ({ page }) => {
  await gotoSite(page, 'open', '/refund');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'The course' }).click();
  await expect(page).toHaveURL(siteURL('open', '/'));
  await expect(nav.getByRole('link', { name: 'The course' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Cancellations and refunds', exact: true }).first().click();
  await expect(page).toHaveURL(siteURL('open', '/refund'));
  await page.getByRole('banner').getByRole('link', { name: LANGS.en.site }).click();
  await expect(page).toHaveURL(siteURL('open', '/'));
});
