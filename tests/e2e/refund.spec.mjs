// Refund calculator and cancellation helper: Barcelona dates in any time zone, amount forms,
// URL state, the cancellation e-mail and the calendar reminder.
import fs from 'node:fs/promises';
import { test, expect, expectAmount } from './test-base.mjs';

const deadline = (page) => page.getByTestId('refund-deadline');
const dueBy = (page) => page.getByTestId('refund-due-by');

// 21:00 UTC on 17 October 2025 is 23:00 in Barcelona (CEST): still the last refund day.
// 22:30 UTC is 00:30 on 18 October in Barcelona: already too late, whatever the visitor's zone says.
const CLOCKS = [
  { at: '2025-10-17T21:00:00Z', barcelona: '2025-10-17', refund: '495.00', due: '2025-11-16' },
  { at: '2025-10-17T22:30:00Z', barcelona: '2025-10-18', refund: '0.00', due: '' },
];

for (const timezoneId of ['Pacific/Honolulu', 'UTC', 'Pacific/Kiritimati']) {
  test.describe(`visitor in ${timezoneId}`, () => {
    test.use({ timezoneId });
    for (const clock of CLOCKS) {
      test(`at ${clock.at} today is ${clock.barcelona} in Barcelona`, async ({ page }) => {
        await page.clock.setFixedTime(new Date(clock.at));
        await page.goto('/refund?paid=660');
        await expect(page.locator('#cancel-date')).toHaveValue(clock.barcelona);
        await expectAmount(page, 'refund-amount', clock.refund);
        await expect(deadline(page)).toHaveAttribute('data-date', '2025-10-17');
        await expect(dueBy(page)).toHaveAttribute('data-date', clock.due);
      });
    }
  });
}

test.describe('amounts', () => {
  for (const [typed, refund, kept] of [
    ['330', '247.50', '82.50'],
    ['330.00', '247.50', '82.50'],
    ['330,00', '247.50', '82.50'],
    ['1 821,60', '1366.20', '455.40'],
    ['100.01', '75.01', '25.00'],
  ]) {
    test(`"${typed}" is read as an amount`, async ({ page }) => {
      await page.goto('/refund?date=2025-10-01');
      await page.locator('#paid').fill(typed);
      await page.locator('#paid').press('Tab');
      await expectAmount(page, 'refund-amount', refund);
      await expectAmount(page, 'refund-kept', kept);
      await expect(page.locator('#paid-error')).toHaveCount(0);
    });
  }

  for (const [typed, message] of [
    ['abc', /as a number/],
    ['-5', /cannot be negative/],
    ['330.123', /at most two decimals/],
  ]) {
    test(`"${typed}" is rejected with a clear message and kept`, async ({ page }) => {
      await page.goto('/refund?date=2025-10-01');
      await page.locator('#paid').fill(typed);
      await page.locator('#paid').press('Tab');
      await expect(page.locator('#paid-error')).toHaveText(message);
      await expect(page.locator('#paid')).toHaveValue(typed);
      await expect(page.locator('#paid')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('refund-amount')).toHaveCount(0);
    });
  }
});

test('boundary days and the state in the URL', async ({ page }) => {
  await page.goto('/refund?paid=660.00&date=2025-10-17');
  await expectAmount(page, 'refund-amount', '495.00');
  await expect(page.getByTestId('refund-verdict')).toHaveAttribute('data-refund', 'yes');
  await page.locator('#cancel-date').fill('2025-10-18');
  await expectAmount(page, 'refund-amount', '0.00');
  await expect(page.getByTestId('refund-verdict')).toHaveAttribute('data-refund', 'no');
  await expect(dueBy(page)).toHaveAttribute('data-date', '');
  await expect.poll(() => new URL(page.url()).search).toBe('?paid=660.00&date=2025-10-18');
  await page.reload();
  await expect(page.locator('#cancel-date')).toHaveValue('2025-10-18');
  await expect(page.locator('#paid')).toHaveValue('660.00');
  await expect(page.getByTestId('refund-timeline')).toBeVisible();
});

test('the cancellation e-mail carries every item the policy requires', async ({ page }) => {
  await page.goto('/refund?paid=330&date=2025-10-10');
  await page.locator('#cancel-name').fill('Amina Odhiambo');
  await page.locator('#cancel-registered').fill('2025-06-02');
  await page.locator('#cancel-contact').fill('amina@nairobi.example');
  const href = await page.getByTestId('mailto').getAttribute('href');
  expect(href.startsWith('mailto:diploma@metropolis.org?')).toBe(true);
  const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
  const subject = params.get('subject');
  const body = params.get('body');
  expect(subject).toContain('Metropolis Diploma in Internationalization for Local Authorities');
  for (const item of [
    'Metropolis Diploma in Internationalization for Local Authorities',
    'Amina Odhiambo',
    '2 June 2025',
    'amina@nairobi.example',
    '€330.00',
    '€247.50',
  ]) {
    expect(body, `body has ${item}`).toContain(item);
  }
  await expect(page.getByTestId('email-preview')).toHaveValue(/Amina Odhiambo/);
  await expect(page.getByText(/Send it as a reply to the place-reservation email you received from diploma@metropolis.org/)).toBeVisible();
});

test('Copy text puts the message on the clipboard', async ({ page }) => {
  await page.goto('/refund?paid=330&date=2025-10-10');
  await page.locator('#cancel-name').fill('Amina Odhiambo');
  await page.getByRole('button', { name: 'Copy text' }).click();
  await expect(page.getByText('Text copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Amina Odhiambo');
});

test('Remind me downloads a calendar file for the last refund day', async ({ page }) => {
  await page.goto('/refund?paid=330&date=2025-10-10');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ics').click()]);
  expect(download.suggestedFilename()).toBe('refund-deadline.ics');
  const text = await fs.readFile(await download.path(), 'utf8');
  // Parse: unfold continuation lines (RFC 5545 3.1), then read NAME[;PARAMS]:VALUE lines.
  const lines = text.split('\r\n').reduce((acc, line) => {
    if (line.startsWith(' ') && acc.length) acc[acc.length - 1] += line.slice(1);
    else if (line) acc.push(line);
    return acc;
  }, []);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const props = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  expect(props['DTSTART;VALUE=DATE']).toBe('20251017');
  expect(props['DTEND;VALUE=DATE']).toBe('20251018');
  expect(props.SUMMARY).toContain('Last day to cancel with a refund');
  expect(props.VERSION).toBe('2.0');
  expect(props.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
});
