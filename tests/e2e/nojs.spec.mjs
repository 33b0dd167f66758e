// Without JavaScript (a browser context with javaScriptEnabled: false): every page of every
// language is there as prerendered, readable, with links that work (followed by clicking, then
// every link of the site checked); the course page says where the edition stands on the day it was
// rendered for; the refund page carries the whole policy; the form's pages say that the form needs
// JavaScript and whom to write to instead.
import { test, expect, gotoSite, siteURL, newContext, expectFailure } from './test-base.mjs';
import { LANGS } from './pages.mjs';

test.use({ site: 'open' });

/** A page of a context without JavaScript. */
async function noScript(browser) {
  const context = await newContext(browser, { javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

/** The page is a page of the site, in `lang`, with its heading, navigation and some text. */
async function expectReadable(page, lang, what) {
  await expect(page.locator('html'), what).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 }), what).toHaveText(/\S/);
  await expect(page.getByRole('navigation', { name: LANGS[lang].switcher }), what).toBeVisible();
  await expect(page.getByRole('contentinfo'), what).toContainText({ en: 'Metropolis, in partnership with', fr: 'Metropolis, en partenariat avec', es: 'Metropolis, en colaboración con' }[lang]);
}

for (const [lang, t] of Object.entries(LANGS)) {
  test(`${lang}: the site's navigation works, page after page, and every link of the site answers`, async ({ browser, request }) => {
    const { context, page } = await noScript(browser);
    await gotoSite(page, 'open', t.folder);
    await expectReadable(page, lang, 'the course page');
    const nav = () => page.getByRole('navigation', { name: t.nav.label });
    // The form's pages have no site navigation (only the brand link): Apply comes last.
    for (const [name, path] of [[t.nav.estimate, 'estimate'], [t.nav.refund, 'refund'], [t.nav.home, ''], [t.nav.apply, 'apply']]) {
      await nav().getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(siteURL('open', `${t.folder}${path}`));
      await expectReadable(page, lang, `${name} (${path || '/'})`);
    }
    // Every page of this language reached by links from here is visited; every other link within
    // the site (the other languages) answers with a page.
    const ours = (p) => (lang === 'en' ? !/^\/open\/(fr|es)(\/|$)/.test(p) : p.startsWith(`/open/${lang}/`));
    const seen = new Set();
    const queue = [siteURL('open', t.folder)];
    while (queue.length) {
      const url = queue.shift();
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await page.goto(url);
      expect(res.status(), url).toBe(200);
      await expectReadable(page, lang, url);
      for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href))) {
        const u = new URL(href);
        if (u.origin !== new URL(url).origin) continue; // the general conditions, the next edition
        expect(u.pathname.startsWith('/open/'), `${href} (on ${url}) stays in the site`).toBe(true);
        const key = `${u.origin}${u.pathname}`;
        if (seen.has(key) || queue.includes(key)) continue;
        if (ours(u.pathname)) queue.push(key);
        else {
          expect((await request.get(href)).status(), `${href} (on ${url})`).toBe(200);
          seen.add(key);
        }
      }
    }
    expect([...seen].length).toBeGreaterThanOrEqual(6);
    await context.close();
  });

  test(`${lang}: the refund page gives the whole policy, and says the calculator needs JavaScript`, async ({ browser }) => {
    const { context, page } = await noScript(browser);
    await gotoSite(page, 'open', `${t.folder}refund`);
    const words = {
      en: {
        policy: 'The cancellation policy',
        lines: ['Cancellations must be sent in writing, as a reply to the place-reservation email.', 'The place-reservation email is sent from reservations@example.org.', 'the name of the course, your name and surname, the date you registered and your contact information', 'If your cancellation is received more than 30 calendar days before the start of the course, 75% of the amount paid is refunded. The course starts on 16 November 2026, so the last day to cancel with a refund is 16 October 2026.', 'Refunds are paid within 30 calendar days of the cancellation request.'],
        notice: 'The calculator and the message writer need JavaScript, which is off or blocked in your browser. The policy below says everything you need to cancel.',
      },
      fr: {
        policy: 'Les conditions d’annulation',
        lines: ['Le courriel de réservation de place est envoyé depuis l’adresse reservations@example.org.', 'le dernier jour pour annuler avec remboursement est le 16 octobre 2026.'],
        notice: 'Le calculateur et l’aide à la rédaction nécessitent JavaScript',
      },
      es: {
        policy: 'La política de cancelación',
        lines: ['El correo electrónico de reserva de plaza se envía desde la dirección reservations@example.org.', 'el último día para cancelar con reembolso es el 16 de octubre de 2026.'],
        notice: 'La calculadora y el asistente de redacción necesitan JavaScript',
      },
    }[lang];
    const policy = page.getByRole('region', { name: words.policy });
    await expect(policy).toBeVisible();
    for (const line of words.lines) await expect(policy).toContainText(line);
    await expect(page.getByText(words.notice)).toBeVisible();
    // What cannot work without JavaScript is not offered.
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
    await context.close();
  });

  test(`${lang}: the course page says where the edition stood on the day it was rendered for`, async ({ browser }) => {
    const { context, page } = await noScript(browser);
    await gotoSite(page, 'open', t.folder);
    await expect(page.getByRole('main')).toContainText({
      en: 'Applications for the 4th edition are open until 16 October 2026 inclusive.',
      fr: 'Les candidatures à la 4e édition sont ouvertes jusqu’au 16 octobre 2026 inclus.',
      es: 'El plazo de solicitud para la 4.ª edición está abierto hasta el 16 de octubre de 2026, inclusive.',
    }[lang]);
    await page.getByRole('main').getByRole('link', { name: t.apply, exact: true }).first().click();
    await expect(page).toHaveURL(siteURL('open', `${t.folder}apply`));
    await expectReadable(page, lang, 'the form\'s first page');
    await context.close();
  });

  test(`${lang}: each of the form's pages says the form needs JavaScript, and whom to write to`, async ({ browser }) => {
    const { context, page } = await noScript(browser);
    const needs = { en: 'This form needs JavaScript', fr: 'Ce formulaire nécessite JavaScript', es: 'Este formulario necesita JavaScript' }[lang];
    for (const path of ['apply', 'apply/about-you', 'apply/organisation', 'apply/motivation', 'apply/registration', 'apply/declarations', 'apply/check', 'apply/done']) {
      await gotoSite(page, 'open', `${t.folder}${path}`);
      await expect(page.getByText(needs), path).toBeVisible();
      await expect(page.getByRole('main').getByText('diploma@example.org'), path).toBeVisible();
    }
    await context.close();
  });

  test(`${lang}: the not-found page`, async ({ browser }) => {
    const { context, page } = await noScript(browser);
    expectFailure(siteURL('open', `${t.folder}nowhere`));
    await gotoSite(page, 'open', `${t.folder}nowhere`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
    await page.getByRole('link', { name: t.backHome }).click();
    await expect(page).toHaveURL(siteURL('open', t.folder));
    await context.close();
  });
}
