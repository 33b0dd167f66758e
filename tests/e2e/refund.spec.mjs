// /refund: the calculator and the cancellation email, used as a person who paid uses them.
//
// The brochure's cases on the brochure's own dates (the `brochure` site: the 3rd edition, course
// from 17 November 2025, so 17 October 2025 is the last refund day; no reservation address in its
// data), and the 4th edition of the state sites (last refund day 16 October 2026; its data names
// the address the place-reservation email comes from). Figures are read from data-amount and
// data-date; everything else as a person finds it, by label, role and text.
import fs from 'node:fs/promises';
import { test, expect, gotoSite, siteURL, query } from './test-base.mjs';
import { LANGS, expectDate, norm, openLive } from './pages.mjs';

const AMOUNT = { en: 'Amount you paid', fr: 'Montant payé', es: 'Importe pagado' };
const DATE = { en: 'Date you send the written cancellation', fr: 'Date d’envoi de l’annulation écrite' };

const amountField = (page, lang = 'en') => page.getByLabel(AMOUNT[lang]);
const dateField = (page, lang = 'en') => page.getByLabel(DATE[lang]);
const refund = (page) => page.getByTestId('refund-amount');
const kept = (page) => page.getByTestId('refund-kept');

/** Types an amount as a person does: into the field, then on to the next one. */
async function typeAmount(page, text, lang = 'en') {
  await amountField(page, lang).fill(text);
  await amountField(page, lang).press('Tab');
}

/** The parts of a mailto: link. */
function mailto(href) {
  expect(href.startsWith('mailto:'), href).toBe(true);
  const q = href.indexOf('?');
  const params = new URLSearchParams(href.slice(q + 1).replace(/\+/g, '%2B'));
  return { to: decodeURIComponent(href.slice('mailto:'.length, q)), subject: params.get('subject'), body: params.get('body') };
}

test.describe('the brochure\'s last refund day, 17 October 2025, in Barcelona whatever the visitor\'s zone', () => {
  // 21:00 UTC on 17 October 2025 is 23:00 in Barcelona (CEST): still the last refund day.
  // 22:30 UTC is 00:30 on 18 October in Barcelona: too late, whatever the visitor's own zone says.
  const INSTANTS = [
    { at: '2025-10-17T21:00:00Z', barcelona: '2025-10-17', refund: '495.00', kept: '165.00', due: '2025-11-16' },
    { at: '2025-10-17T22:30:00Z', barcelona: '2025-10-18', refund: '0.00', kept: '660.00', due: '' },
  ];
  for (const timezoneId of ['Pacific/Honolulu', 'UTC', 'Pacific/Kiritimati']) {
    for (const clock of INSTANTS) {
      test.describe(`in ${timezoneId} at ${clock.at}`, () => {
        test.use({ timezoneId, clockTime: clock.at });
        test(`today is ${clock.barcelona}: ${clock.refund === '0.00' ? 'no refund' : 'the refund'}`, async ({ page }) => {
          await openLive(page, 'brochure', '/refund?paid=660');
          await expect(dateField(page)).toHaveValue(clock.barcelona);
          await expect(refund(page)).toHaveAttribute('data-amount', clock.refund);
          await expect(kept(page)).toHaveAttribute('data-amount', clock.kept);
          await expectDate(page, 'refund-deadline', '2025-10-17');
          await expectDate(page, 'refund-due-by', clock.due);
          await expect(page.getByRole('main')).toContainText(clock.due
            ? '75% of the amount you paid is refunded.'
            : 'No refund: the last day to cancel with a refund was 17 October 2025.');
        });
      });
    }
  }
});

test.describe('amounts as people type them', () => {
  for (const [typed, back, keep] of [
    ['330', '247.50', '82.50'],
    ['330.00', '247.50', '82.50'],
    ['330,00', '247.50', '82.50'],
    ['1 821,60', '1366.20', '455.40'],
    ['100.01', '75.01', '25.00'],
  ]) {
    test(`"${typed}" is read as an amount`, async ({ page }) => {
      await openLive(page, 'brochure', '/refund');
      await expect(page.getByText('Enter the amount you paid to see the figures.')).toBeVisible();
      await typeAmount(page, typed);
      await expect(refund(page)).toHaveAttribute('data-amount', back);
      await expect(kept(page)).toHaveAttribute('data-amount', keep);
      await expect(amountField(page)).not.toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText('Enter the amount you paid to see the figures.')).toHaveCount(0);
      // The address keeps the amount, written back in its plain form.
      await expect.poll(() => query(page).get('paid')).toBe((Number(back) + Number(keep)).toFixed(2));
    });
  }

  for (const [typed, message] of [
    ['abc', 'Enter the amount as a number, such as 330 or 330.00.'],
    ['-5', 'The amount cannot be negative.'],
    ['330.123', 'Enter the amount with at most two decimals (cents).'],
    ['123456789012345678901234567890', 'This amount is too large.'],
    ['', 'Enter the amount you paid.'],
  ]) {
    test(`${typed ? `"${typed}"` : 'an emptied field'}: "${message}", next to the field, and what was typed is kept`, async ({ page }) => {
      await openLive(page, 'brochure', '/refund');
      if (!typed) await typeAmount(page, '330');
      await typeAmount(page, typed);
      await expect(amountField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(amountField(page)).toHaveAccessibleDescription(`In EUR, for example 330 or 330.00. ${message}`);
      await expect(page.getByText(message, { exact: true })).toBeVisible();
      await expect(amountField(page)).toHaveValue(typed);
      await expect(refund(page)).toHaveCount(0);
      // Corrected, the message goes.
      await typeAmount(page, '660');
      await expect(refund(page)).toHaveAttribute('data-amount', '495.00');
      await expect(page.getByText(message, { exact: true })).toHaveCount(0);
      await expect(amountField(page)).not.toHaveAttribute('aria-invalid', 'true');
    });
  }
});

test('the day after the last refund day, and the figures in the address', async ({ page }) => {
  await openLive(page, 'brochure', '/refund');
  await expect(dateField(page)).toHaveValue('2025-10-17');
  await typeAmount(page, '660');
  await expect(refund(page)).toHaveAttribute('data-amount', '495.00');
  await expect(page.getByRole('main')).toContainText('75% of the amount you paid is refunded.');
  await expect(page.getByRole('main')).toContainText('17 October 2025 (the same day as your cancellation)');
  // A link without a date means "today" for whoever opens it: no date until one is chosen.
  await expect.poll(() => new URL(page.url()).search).toBe('?paid=660.00');
  await dateField(page).fill('2025-10-18');
  await expect(refund(page)).toHaveAttribute('data-amount', '0.00');
  await expect(kept(page)).toHaveAttribute('data-amount', '660.00');
  await expect(page.getByRole('main')).toContainText('No refund: the last day to cancel with a refund was 17 October 2025.');
  await expect(page.getByRole('main')).toContainText('17 October 2025 (1 day before your cancellation date)');
  await expect(page.getByRole('main')).toContainText('No refund is due.');
  await expectDate(page, 'refund-due-by', '');
  await expect.poll(() => new URL(page.url()).search).toBe('?paid=660.00&date=2025-10-18');
  // The same address shows the same answer.
  await page.reload();
  await expect(amountField(page)).toHaveValue('660.00');
  await expect(dateField(page)).toHaveValue('2025-10-18');
  await expect(refund(page)).toHaveAttribute('data-amount', '0.00');
  await expect(page.getByRole('img', { name: /Cancellation: 18 October 2025\. Last refund day: 17 October 2025\. Course starts: 17 November 2025\./ })).toBeVisible();
});

test.describe('a page left open across Barcelona midnight', () => {
  // 23:59:30 in Barcelona on 16 October 2026, the 4th edition's last refund day.
  test.use({ clockTime: '2026-10-16T21:59:30Z' });
  test('"today" moves on at midnight: the refund is gone, the address still has no date', async ({ page }) => {
    await openLive(page, 'open', '/refund?paid=660');
    await expect(dateField(page)).toHaveValue('2026-10-16');
    await expect(refund(page)).toHaveAttribute('data-amount', '495.00');
    await page.clock.fastForward('01:00');
    await expect(dateField(page)).toHaveValue('2026-10-17');
    await expect(refund(page)).toHaveAttribute('data-amount', '0.00');
    await expect(page.getByRole('main')).toContainText('No refund: the last day to cancel with a refund was 16 October 2026.');
    expect(new URL(page.url()).search).toBe('?paid=660.00');
  });
});

for (const state of ['closed', 'in-progress', 'ended']) {
  test(`${state}: the refund page still answers people who paid`, async ({ page }) => {
    await openLive(page, state, '/refund?paid=330');
    await expect(refund(page)).toHaveAttribute('data-amount', '0.00');
    await expectDate(page, 'refund-deadline', '2026-10-16');
    await expect(page.getByRole('main')).toContainText('No refund: the last day to cancel with a refund was 16 October 2026.');
    await expect(page.getByRole('link', { name: 'Open in your email program' })).toBeVisible();
  });
}

test.describe('the cancellation email', () => {
  test('without a reservation address in the data: reply to the email received, no recipient', async ({ page }) => {
    await openLive(page, 'brochure', '/refund?paid=330&date=2025-10-10');
    await page.getByLabel('Name and surname').fill('Amina Odhiambo');
    await page.getByLabel('Date you registered').fill('2025-06-02');
    await page.getByLabel('Phone number or email address').fill('amina@nairobi.example');
    await expect(page.getByText('Send it as a reply to the place-reservation email you received. Cancellations sent any other way are not accepted.')).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('@example');
    const policy = page.getByRole('region', { name: 'The cancellation policy' });
    await expect(policy).not.toContainText('is sent from');
    const { to, subject, body } = mailto(await page.getByRole('link', { name: 'Open in your email program' }).getAttribute('href'));
    expect(to).toBe('');
    expect(subject).toBe('Cancellation of registration: Metropolis Diploma in Internationalization for Local Authorities');
    for (const line of [
      'Name of the course: Metropolis Diploma in Internationalization for Local Authorities (3rd edition)',
      'Name and surname: Amina Odhiambo',
      'Date of registration: 2 June 2025',
      'Contact information: amina@nairobi.example',
      'Amount paid: €330.00',
      'As I am cancelling no later than 17 October 2025, the last day with a refund, I understand that 75% of the amount paid (€247.50) will be refunded within 30 calendar days.',
    ]) {
      expect(norm(body), `the body has "${line}"`).toContain(line);
    }
    expect(body).toContain('\r\n');
    // The message shown is the message sent.
    const shown = await page.getByLabel('Your message').inputValue();
    expect(norm(shown)).toBe(norm(`${subject}\n\n${body}`));
  });

  for (const lang of ['en', 'fr']) {
    test(`with the reservation address in the data, ${lang}: the reply goes to it`, async ({ page }) => {
      const t = {
        en: {
          reminder: 'Send it as a reply to the place-reservation email you received from reservations@example.org.',
          policy: 'The place-reservation email is sent from reservations@example.org.',
          open: 'Open in your email program',
          subject: 'Cancellation of registration: Metropolis Diploma in Internationalization for Local Authorities',
          course: 'Name of the course: Metropolis Diploma in Internationalization for Local Authorities (4th edition)',
          missing: 'Name and surname: [please add]',
        },
        fr: {
          reminder: 'Envoyez-le en réponse au courriel de réservation de place que vous avez reçu de reservations@example.org.',
          policy: 'Le courriel de réservation de place est envoyé depuis l’adresse reservations@example.org.',
          open: 'Ouvrir dans votre messagerie',
          subject: 'Annulation d’inscription : Diplôme Metropolis en internationalisation pour les autorités locales',
          course: 'Intitulé de la formation : Metropolis Diploma in Internationalization for Local Authorities (4e édition)',
          missing: 'Prénom et nom : [',
        },
      }[lang];
      await openLive(page, 'open', `${LANGS[lang].folder}refund?paid=660`);
      await expect(page.getByText(t.reminder)).toBeVisible();
      await expect(page.getByRole('main')).toContainText(t.policy);
      const { to, subject, body } = mailto(await page.getByRole('link', { name: t.open }).getAttribute('href'));
      expect(to).toBe('reservations@example.org');
      expect(norm(subject)).toBe(norm(t.subject));
      expect(norm(body)).toContain(norm(t.course));
      expect(norm(body)).toContain(norm(t.missing));
    });
  }

  test('Copy text puts the message on the clipboard', async ({ page }) => {
    await openLive(page, 'brochure', '/refund?paid=330');
    await page.getByLabel('Name and surname').fill('Amina Odhiambo');
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect(page.getByRole('status')).toHaveText('Text copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByLabel('Your message').inputValue());
    expect(copied).toContain('Name and surname: Amina Odhiambo');
  });

  test('Remind me downloads a calendar event on the last refund day, stamped with today', async ({ page }) => {
    await openLive(page, 'brochure', '/refund?paid=330');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Remind me: add the last refund day to my calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('refund-deadline.ics');
    const text = await fs.readFile(await download.path(), 'utf8');
    // Unfold continuation lines (RFC 5545 3.1), then read NAME[;PARAMS]:VALUE lines.
    const lines = text.split('\r\n').reduce((acc, line) => {
      if (line.startsWith(' ') && acc.length) acc[acc.length - 1] += line.slice(1);
      else if (line) acc.push(line);
      return acc;
    }, []);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    const props = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
    expect(props['DTSTART;VALUE=DATE']).toBe('20251017');
    expect(props['DTEND;VALUE=DATE']).toBe('20251018');
    expect(props.SUMMARY).toBe('Last day to cancel with a refund: Metropolis Diploma in Internationalization for Local Authorities');
    // Stamped by the browser's clock: the brochure site's 10:00 in Barcelona, 08:00 UTC.
    expect(props.DTSTAMP).toMatch(/^20251017T080\d{3}Z$/);
  });
});

test('the policy, with the edition\'s figures and its last refund day', async ({ page }) => {
  await gotoSite(page, 'open', 'fr/refund');
  const policy = page.getByRole('region', { name: 'Les conditions d’annulation' });
  await expect(policy).toContainText('Si votre annulation est reçue plus de 30 jours calendaires avant le début de la formation, 75 % du montant payé est remboursé. La formation commençant le 16 novembre 2026, le dernier jour pour annuler avec remboursement est le 16 octobre 2026.');
  await expect(policy).toContainText('Le remboursement est effectué dans un délai de 30 jours calendaires à compter de la demande d’annulation.');
  await expect(page).toHaveURL(siteURL('open', 'fr/refund'));
});
