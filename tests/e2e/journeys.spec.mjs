// Journeys from the course page, by clicking only (issue 16 §4, "start where a person starts"):
//  - someone who paid finds out what they would get back and writes their cancellation, in English
//    and French, on a desktop and on a phone; once while applications are open (a refund), once
//    after the last refund day (none);
//  - someone applies: the course page, Apply, Start now, the five steps, the check page, Send, the
//    confirmation with its reference, received by the reference receiver; in English and French on
//    a desktop, and in English on a phone (390 x 844). On the `open` site (15 April 2026), whose
//    clock has applications open: on the real date the shipped edition has ended and there is no
//    Start now.
// Every step is what a person sees and does (labels and roles); figures from data-amount / data-date.
import fs from 'node:fs/promises';
import { test, expect, gotoSite, siteURL } from './test-base.mjs';
import { LANGS, norm, openLive } from './pages.mjs';
import {
  APPLICANT, FORM, fillAboutYou, fillDeclarations, fillMotivation, fillOrganisation, fillRegistration, heading, next, startNow,
} from './drafts.mjs';
import { receiverURL, INTAKE_TOKEN } from './addresses.mjs';

const WORDS = {
  en: {
    amount: 'Amount you paid',
    name: 'Name and surname',
    registered: 'Date you registered',
    contact: 'Phone number or email address',
    message: 'Your message',
    open: 'Open in your email program',
    copy: 'Copy text',
    copied: 'Text copied.',
    remind: 'Remind me: add the last refund day to my calendar',
    reminder: 'Send it as a reply to the place-reservation email you received from reservations@example.org.',
    open_state: { result: '75% of the amount you paid is refunded.', email: 'I understand that 75% of the amount paid (€495.00) will be refunded within 30 calendar days.' },
    closed_state: { result: 'No refund: the last day to cancel with a refund was 16 October 2026.', email: 'I understand that, as the last day with a refund (16 October 2026) has passed, no refund is due.' },
    lines: ['Name and surname: Amina Odhiambo', 'Date of registration: 2 June 2026', 'Contact information: amina@nairobi.example', 'Amount paid: €660.00'],
  },
  fr: {
    amount: 'Montant payé',
    name: 'Prénom et nom',
    registered: 'Date de votre inscription',
    contact: 'Numéro de téléphone ou adresse électronique',
    message: 'Votre message',
    open: 'Ouvrir dans votre messagerie',
    copy: 'Copier le texte',
    copied: 'Texte copié.',
    remind: 'Me le rappeler : ajouter le dernier jour de remboursement à mon agenda',
    reminder: 'Envoyez-le en réponse au courriel de réservation de place que vous avez reçu de reservations@example.org.',
    open_state: { result: 'Le remboursement s’élève à 75 % du montant payé.', email: 'je prends note que 75 % du montant payé, soit 495,00 €, me sera remboursé dans un délai de 30 jours calendaires.' },
    closed_state: { result: 'Aucun remboursement : le dernier jour pour annuler avec remboursement était le 16 octobre 2026.', email: 'Je prends note que, le dernier jour donnant droit à un remboursement (16 octobre 2026) étant passé, aucun remboursement ne m’est dû.' },
    lines: ['Prénom et nom : Amina Odhiambo', 'Date d’inscription : 2 juin 2026', 'Coordonnées : amina@nairobi.example', 'Montant payé : 660,00 €'],
  },
};

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/** Nothing scrolls sideways. */
async function expectNoSideways(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where}: sideways scroll`).toBeLessThanOrEqual(0);
}

for (const [device, options] of Object.entries(DEVICES)) {
  test.describe(`on a ${device}`, () => {
    test.use(options);
    for (const lang of ['en', 'fr']) {
      for (const state of ['open', 'closed']) {
        test(`${lang}, ${state === 'open' ? 'before' : 'after'} the last refund day: from the course page to the cancellation email`, async ({ page, context }) => {
          await context.grantPermissions(['clipboard-read', 'clipboard-write']);
          const w = WORDS[lang];
          const press = (locator) => (device === 'phone' ? locator.tap() : locator.click());
          const refund = state === 'open' ? { amount: '495.00', kept: '165.00', due: '2026-05-15' } : { amount: '0.00', kept: '660.00', due: '' };

          // The course page; the way to cancellations is on it.
          await gotoSite(page, state, LANGS[lang].folder);
          await expectNoSideways(page, 'the course page');
          await press(page.getByRole('main').getByRole('link', { name: LANGS[lang].refund, exact: true }));
          await expect(page).toHaveURL(siteURL(state, `${LANGS[lang].folder}refund`));
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGS[lang].refund);

          // What comes back: the amount paid, today's date as the cancellation date.
          await press(page.getByLabel(w.amount));
          await page.getByLabel(w.amount).fill('660');
          await page.getByLabel(w.amount).press('Tab');
          await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', refund.amount);
          await expect(page.getByTestId('refund-kept')).toHaveAttribute('data-amount', refund.kept);
          await expect(page.getByTestId('refund-deadline')).toHaveAttribute('data-date', '2026-10-16');
          await expect(page.getByTestId('refund-due-by')).toHaveAttribute('data-date', refund.due);
          await expect(page.getByRole('main')).toContainText(w[`${state}_state`].result);
          await expectNoSideways(page, 'the refund page with figures');

          // The cancellation email: what the policy asks for.
          await page.getByLabel(w.name).fill('Amina Odhiambo');
          await page.getByLabel(w.registered).fill('2026-06-02');
          await page.getByLabel(w.contact).fill('amina@nairobi.example');
          await expect(page.getByText(w.reminder)).toBeVisible();
          const message = page.getByLabel(w.message);
          await message.scrollIntoViewIfNeeded();
          for (const line of [...w.lines, w[`${state}_state`].email]) await expect(message).toHaveValue(new RegExp(norm(line).replace(/[.*+?^${}()|[\]\\€]/g, '\\$&').replace(/ /g, '\\s+')));
          const href = await page.getByRole('link', { name: w.open }).getAttribute('href');
          expect(href.startsWith('mailto:reservations@example.org?subject='), href).toBe(true);
          expect(norm(decodeURIComponent(href))).toContain(norm(w.lines[0]));
          // Copied, to paste as the reply to the place-reservation email.
          await press(page.getByRole('button', { name: w.copy }));
          await expect(page.getByRole('status')).toHaveText(w.copied);
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await message.inputValue());
          // And the reminder of the last refund day.
          const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('link', { name: w.remind }))]);
          expect(download.suggestedFilename()).toBe('refund-deadline.ics');
          expect(await fs.readFile(await download.path(), 'utf8')).toContain('DTSTART;VALUE=DATE:20261016');
          await expectNoSideways(page, 'the refund page with the email');
        });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Applying, from the course page to the confirmation

const APPLY_DEVICES = [
  ['en', 'desktop', { viewport: { width: 1280, height: 800 } }],
  ['fr', 'desktop', { viewport: { width: 1280, height: 800 } }],
  ['en', 'phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 }],
];

/** The stored application with this reference (the secretariat's view of the receiver). */
async function receivedByReference(request, reference) {
  const res = await request.get(`${receiverURL('open')}/api/applications`, { headers: { Authorization: `Bearer ${INTAKE_TOKEN}` } });
  expect(res.status()).toBe(200);
  return (await res.json()).filter((r) => r.reference === reference);
}

for (const [lang, device, options] of APPLY_DEVICES) {
  test.describe(`applying on a ${device}`, () => {
    test.use(options);
    test(`${lang}: from the course page to the confirmation, received with its reference`, async ({ page, request }) => {
      test.setTimeout(60_000);
      const w = FORM[lang];
      const press = (locator) => (device === 'phone' ? locator.tap() : locator.click());

      // The course page: Apply, then the form's start page and Start now.
      await openLive(page, 'open', LANGS[lang].folder);
      await press(page.getByRole('main').getByRole('link', { name: LANGS[lang].apply, exact: true }).first());
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply`));
      await expect(heading(page)).toHaveText(w.title);
      await press(startNow(page, lang));
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply/about-you`));
      await expect(page.getByText(w.progress(1), { exact: true })).toBeVisible();
      await expect(heading(page)).toHaveText(w.steps[0]);
      await expectNoSideways(page, 'step 1');

      // The five steps.
      await fillAboutYou(page, lang, press);
      await next(page, lang, 2, press);
      await fillOrganisation(page, lang, press);
      await next(page, lang, 3, press);
      await fillMotivation(page, lang, press);
      await next(page, lang, 4, press);
      await fillRegistration(page, lang, press);
      // A member that paid its dues, alone, in the early-bird weeks: 660.00 - 50 % - 10 %.
      await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '297.00');
      await expectNoSideways(page, 'step 4');
      await next(page, lang, 5, press);
      await fillDeclarations(page, lang, press);
      await next(page, lang, 'check', press);

      // Check your answers, then send.
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply/check`));
      const main = page.getByRole('main');
      for (const answer of [`${APPLICANT.first}`, APPLICANT.surname, APPLICANT.organisation, APPLICANT.why]) {
        await expect(main).toContainText(answer);
      }
      await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '297.00');
      await expectNoSideways(page, 'the check page');
      await press(page.getByRole('button', { name: w.send, exact: true }));

      // The confirmation: the reference, what happens next, the record of the answers and the fee.
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}apply/done`));
      await expect(heading(page)).toHaveText(w.done);
      const reference = page.getByTestId('reference');
      await expect(reference).toHaveText(w.reference);
      await expect(main).toContainText(w.next);
      await expect(page.getByTestId('record-total')).toHaveAttribute('data-amount', '297.00');
      await expectNoSideways(page, 'the confirmation');

      // The receiver has it, once, in the applicant's language, with the answers typed.
      const rows = await receivedByReference(request, await reference.innerText());
      expect(rows).toHaveLength(1);
      const sub = rows[0].submission ?? rows[0].application ?? rows[0];
      expect(sub.locale).toBe(lang);
      expect(sub.answers.about.first_name).toBe(APPLICANT.first);
      expect(sub.answers.organisation.country).toBe('ESP');
    });
  });
}
