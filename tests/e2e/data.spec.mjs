// The data the pages show: every figure from the edition (the `figures` site, whose edition differs
// from the shipped one in every figure its pages show), fresh data deployed after the build (`stale`:
// the deployed fee after hydration, never the built one), and data deployed after the build that
// cannot be used (`broken`: the data error page, naming the file, the field and the problem, and one
// console error naming the file's address).
import { test, expect, gotoSite, siteURL, expectFailure, newContext } from './test-base.mjs';
import { LANGS, holdWasm, mainLines, norm, openLive } from './pages.mjs';

// ---------------------------------------------------------------------------------------------
// figures: member 40 % (dues 2025), group 10 % from 3, refund 80 % up to 45 days (last refund day
// 1 October 2026), early bird 15 %, middle-income places 60 %, classification 2025-2026, refunds
// paid within 20 days. Each of edition.json's figures below can only be a stale one there.

const day = (words) => new RegExp(`\\b(${words.join('|')})\\b`, 'i');
/** The shipped data's figures, as each language writes them. */
const STALE = {
  '50 % (member rate)': /\b50\s?%/,
  '2024 (dues year, classification)': /\b2024\b/,
  '8 % (group rate)': /\b8\s?%/,
  '75 % (refund)': /\b75\s?%/,
  '30 days (refund limit, payout)': day(['30 (calendar )?days?', '30 jours?', '30 d[ií]as?']),
  '2 participants (group size)': /\b2\s+participant/i,
};
/** The shipped last refund day: only the refund page names the last refund day. */
const STALE_LAST_DAY = { en: '16 October 2026', fr: '16 octobre 2026', es: '16 de octubre de 2026' };
/** Stale early bird (10 %): the group rate is 10 % in figures, so only inside the early bird's line. */
const EARLY = { en: 'Early registration', fr: 'Inscription anticipée', es: 'Inscripción anticipada' };

/** What the figures edition must say instead, in each language. */
const FRESH = {
  en: {
    home: ['up to date with their 2025 membership contributions: 40% off.', 'at least 3 participants from the same organisation: 10% off', 'Early registration: 15% off', 'Middle-income countries: 60% off.', 'for 2025-2026'],
    refund: ['more than 45 calendar days before the start of the course, 80% of the amount paid is refunded', 'the last day to cancel with a refund is 1 October 2026', 'Refunds are paid within 20 calendar days'],
  },
  fr: {
    home: ['à jour de leurs cotisations 2025 : réduction de 40 %.', 'au moins 3 participants de la même organisation : réduction de 10 %', 'Inscription anticipée : réduction de 15 %', 'Pays à revenu intermédiaire : réduction de 60 %.', 'pour 2025-2026'],
    refund: ['plus de 45 jours calendaires avant le début de la formation, 80 % du montant payé est remboursé', 'le dernier jour pour annuler avec remboursement est le 1 octobre 2026', 'dans un délai de 20 jours calendaires'],
  },
  es: {
    home: ['al corriente de sus cuotas de 2025: 40 % de descuento.', 'al menos 3 participantes de la misma organización: 10 % de descuento', 'Inscripción anticipada: 15 % de descuento', 'Países de ingreso mediano: 60 % de descuento.', 'para 2025-2026'],
    refund: ['con más de 45 días naturales de antelación al inicio del curso, se reembolsa el 80 % del importe pagado', 'el último día para cancelar con reembolso es el 1 de octubre de 2026', 'en un plazo de 20 días naturales'],
  },
};

/** Every text a person can read or hear on the page: visible text, form values, names of images, title. */
async function everything(page) {
  return norm(await page.evaluate(() => [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll('input, textarea')].map((el) => el.value),
    ...[...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label')),
    ...[...document.querySelectorAll('a[href^="mailto:"]')].map((a) => decodeURIComponent(a.getAttribute('href'))),
  ].join('\n')));
}

function expectNoStale(text, lang, where) {
  for (const [what, pattern] of Object.entries(STALE)) {
    expect(text.match(pattern)?.[0] ?? null, `${where}: a stale ${what} in "${text.match(new RegExp(`.{0,60}${pattern.source}.{0,60}`, 'i'))?.[0]}"`).toBeNull();
  }
}

async function expectFigures(page, lang, mode) {
  const folder = LANGS[lang].folder;
  // The course page.
  if (mode === 'live') await openLive(page, 'figures', folder);
  else await gotoSite(page, 'figures', folder);
  const home = await everything(page);
  expectNoStale(home, lang, `${mode} ${folder}`);
  for (const line of FRESH[lang].home) expect(home, `${mode} ${folder}: "${line}"`).toContain(norm(line));
  const early = (await mainLines(page)).find((l) => l.startsWith(EARLY[lang]));
  expect(early, `${mode} ${folder}: the early bird's line`).toMatch(/\b15\s?%/);
  expect(early).not.toMatch(/\b10\s?%/);
  // The refund page, with an amount, a name and a cancellation date, so the email says everything.
  if (mode === 'live') {
    await openLive(page, 'figures', `${folder}refund?paid=660&date=2026-09-30`);
    await page.getByLabel({ en: 'Name and surname', fr: 'Prénom et nom', es: 'Nombre y apellidos' }[lang]).fill('Amina Odhiambo');
    await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '528.00');
  } else {
    await gotoSite(page, 'figures', `${folder}refund`);
  }
  const refund = await everything(page);
  expectNoStale(refund, lang, `${mode} ${folder}refund`);
  expect(refund, `${mode} ${folder}refund: the shipped last refund day`).not.toContain(STALE_LAST_DAY[lang]);
  for (const line of FRESH[lang].refund) expect(refund, `${mode} ${folder}refund: "${line}"`).toContain(norm(line));
  if (mode === 'live') {
    // The calculator and the email say the new figures too.
    expect(refund).toContain(norm({ en: '80% of the amount you paid is refunded.', fr: 'Le remboursement s’élève à 80 % du montant payé.', es: 'Se le reembolsa el 80 % del importe pagado.' }[lang]));
    expect(refund).toContain(norm({ en: 'within 20 calendar days', fr: 'dans un délai de 20 jours calendaires', es: 'en un plazo de 20 días naturales' }[lang]));
  }
}

test.describe('figures: no stale figure on the course page and the refund page', () => {
  for (const lang of Object.keys(LANGS)) {
    test(`${lang}, as the app shows them`, async ({ page }) => {
      await expectFigures(page, lang, 'live');
    });
    test(`${lang}, as the prerendered pages say them (no JavaScript)`, async ({ browser }) => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      await expectFigures(await context.newPage(), lang, 'static');
      await context.close();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// stale: pages built with a list fee of 660.00; the deployed edition.json says 720.00.

test.describe('stale: the deployed data wins over the data the pages were built with', () => {
  for (const lang of ['en', 'fr']) {
    test(`${lang}: the deployed fee once the app runs, and the built one nowhere`, async ({ page }) => {
      const fee = { en: ['€720.00', '€660.00'], fr: ['720,00 €', '660,00 €'] }[lang];
      const wasm = await holdWasm(page);
      await gotoSite(page, 'stale', LANGS[lang].folder);
      // Before the app: the page as built (this is what makes the site stale).
      await expect(page.getByRole('main')).toContainText(fee[1]);
      const checked = page.waitForResponse((r) => r.url() === siteURL('stale', 'config.json'));
      wasm.release();
      await checked;
      await expect(page.getByRole('main')).toContainText(`${fee[0]} ${{ en: 'per participant, before discounts', fr: 'par participant, avant réductions' }[lang]}`);
      const text = await everything(page);
      expect(text).not.toContain(norm(fee[1]));
      expect(text).not.toMatch(/660/);
    });
  }

  test('what the visitor typed while the deployed data was on its way is kept when the page is rendered again', async ({ page }) => {
    // The deployed edition.json arrives late (a slow connection): the app is live before it.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(siteURL('stale', 'edition.json'), async (route) => { await held; await route.continue(); });
    const requested = page.waitForRequest(siteURL('stale', 'edition.json'));
    await gotoSite(page, 'stale', '/refund');
    await requested;
    await page.getByLabel('Amount you paid').fill('330');
    await page.getByLabel('Name and surname').fill('Amina Odhiambo');
    await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
    await page.evaluate(() => { window.__built = document.querySelector('main'); });
    release();
    // The page is rendered again from the deployed data (a new main region), and what was typed
    // is typed into it again.
    await page.waitForFunction(() => { const m = document.querySelector('main'); return m && m !== window.__built; }, null, { polling: 100 });
    // (The address carries the amount, written back as 330.00: either form is the visitor's amount.)
    await expect(page.getByLabel('Amount you paid')).toHaveValue(/^330(\.00)?$/);
    await expect(page.getByLabel('Name and surname')).toHaveValue('Amina Odhiambo');
    await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
  });

  test('the page rendered again from the deployed data still works: its links, its next page\'s figures', async ({ page }) => {
    await openLive(page, 'stale', '/');
    await expect(page.getByRole('main')).toContainText('€720.00 per participant, before discounts');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cancellations and refunds' }).click();
    await expect(page).toHaveURL(siteURL('stale', 'refund'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancellations and refunds');
    await nav.getByRole('link', { name: 'The course' }).click();
    await expect(page).toHaveURL(siteURL('stale', '/'));
    await expect(page.getByRole('main')).toContainText('€720.00 per participant, before discounts');
    expect(await everything(page)).not.toMatch(/660/);
  });
});

// ---------------------------------------------------------------------------------------------
// broken: the deployed edition.json has "list_fee": "abc".

const BROKEN = {
  en: { title: 'The course data cannot be used', file: 'File', field: 'Field', problem: 'Problem', words: '`"abc"` is not an amount in double quotes with two decimals and a dot, such as "660.00".' },
  fr: { title: 'Les données de la formation sont inutilisables', file: 'Fichier', field: 'Champ', problem: 'Problème', words: '`"abc"` n’est pas un montant entre guillemets droits avec deux décimales et un point, par exemple "660.00".' },
  es: { title: 'No se pueden utilizar los datos del curso', file: 'Archivo', field: 'Campo', problem: 'Problema', words: '`"abc"` no es un importe entre comillas dobles con dos decimales y un punto, como "660.00".' },
};

test.describe('broken: the data error page, never figures the data no longer supports', () => {
  for (const [lang, t] of Object.entries(BROKEN)) {
    for (const path of ['', 'refund?paid=660']) {
      test(`${lang}: /${LANGS[lang].folder}${path} names the file, the field and the problem`, async ({ page }) => {
        const file = siteURL('broken', 'edition.json');
        // The one console error the app writes names the file's full address: the expected failure.
        expectFailure(file);
        const logged = page.waitForEvent('console', (m) => m.type() === 'error');
        await gotoSite(page, 'broken', `${LANGS[lang].folder}${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
        const error = (await logged).text();
        expect(error).toContain(file);
        expect(error).toContain('fees.list_fee');
        const lines = await mainLines(page);
        const after = (term) => lines[lines.indexOf(term) + 1];
        expect(after(t.file)).toBe(file);
        expect(after(t.field)).toBe('fees.list_fee');
        expect(after(t.problem)).toBe(norm(t.words));
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page).toHaveTitle(`${t.title} – ${LANGS[lang].site}`);
        // In the site's frame: its navigation and language switcher are still there.
        await expect(page.getByRole('navigation', { name: LANGS[lang].nav.label })).toBeVisible();
        await expect(page.getByRole('navigation', { name: LANGS[lang].switcher })).toBeVisible();
        // No figure of the page as built is left.
        expect(await everything(page)).not.toMatch(/660[.,]00\s?€|€660/);
        await expect(page.getByLabel({ en: 'Amount you paid', fr: 'Montant payé', es: 'Importe pagado' }[lang])).toHaveCount(0);
      });
    }
  }

  test('the data error page\'s links lead to their pages (which say the same)', async ({ page }) => {
    expectFailure(siteURL('broken', 'edition.json'));
    await gotoSite(page, 'broken', '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BROKEN.en.title);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cancellations and refunds' }).click();
    await expect(page).toHaveURL(siteURL('broken', 'refund'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BROKEN.en.title);
  });
});
