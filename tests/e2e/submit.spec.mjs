// Sending without loss: faults injected between the browser and the reference receiver (the test
// server's proxy, see server.mjs). After each, exactly one row is stored for the application and
// the confirmation shows its reference.
import { test, expect } from './test-base.mjs';
import { envelope } from './drafts.mjs';
import { INTAKE_PORT, INTAKE_TOKEN } from './playwright.config.mjs';

// A dropped connection or an abandoned request is reported by the browser itself.
test.use({ allowedConsoleErrors: [[/Failed to load resource/, /net::ERR_/], { option: true }] });

const OUTBOX = 'metropolis-diploma.outbox';

/** A complete draft with its own key, on the check page of `mount` ('' or '/quick'). */
async function ready(page, mount = '') {
  const key = crypto.randomUUID();
  const env = envelope({ key });
  await page.goto(`${mount}/apply`);
  await expect(page.locator('h1')).toBeVisible();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['metropolis-diploma.draft', JSON.stringify(env)]);
  await page.goto(`${mount}/apply/check`);
  await expect(page.getByTestId('send')).toBeVisible();
  return key;
}

const faults = (request, key, list) => request.post('/__faults', { data: { key, faults: list } });

/** The rows the receiver stored for this key. */
async function rows(request, key) {
  const res = await request.get(`http://127.0.0.1:${INTAKE_PORT}/api/applications`, {
    headers: { Authorization: `Bearer ${INTAKE_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).filter((r) => r.idempotency_key === key);
}

/** The confirmation shows the one stored row's reference; the outbox and the draft are gone. */
async function confirmed(page, request, key) {
  await expect(page.getByTestId('reference')).toHaveText(/^MD25-/, { timeout: 30_000 });
  const stored = await rows(request, key);
  expect(stored).toHaveLength(1);
  await expect(page.getByTestId('reference')).toHaveText(stored[0].reference);
  expect(await page.evaluate((k) => localStorage.getItem(k), OUTBOX)).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('metropolis-diploma.draft'))).toBeNull();
}

test('the connection drops after the receiver stored it: the retry gets the same reference', async ({ page, request }) => {
  const key = await ready(page);
  await faults(request, key, ['drop-after-store']);
  await page.getByTestId('send').click();
  await confirmed(page, request, key);
});

test('500, then success', async ({ page, request }) => {
  const key = await ready(page);
  await faults(request, key, ['500']);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-status')).toContainText('Trying again');
  await confirmed(page, request, key);
});

test('429 with Retry-After: the page waits that long, then sends', async ({ page, request }) => {
  const key = await ready(page);
  await faults(request, key, ['429:3']);
  const start = Date.now();
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-status')).toContainText('Trying again in 3 s');
  await confirmed(page, request, key);
  expect(Date.now() - start).toBeGreaterThanOrEqual(3_000);
});

test('a hanging response is abandoned after the configured timeout and retried', async ({ page, request }) => {
  test.setTimeout(60_000);
  const key = await ready(page, '/quick'); // config.json: timeout_seconds 3
  await faults(request, key, ['hang']);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-status')).toContainText('Trying again', { timeout: 10_000 });
  await confirmed(page, request, key);
});

test('offline: nothing is sent until the browser is online again', async ({ context, page, request }) => {
  const key = await ready(page);
  await context.setOffline(true);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-status')).toContainText('You are offline');
  expect(await rows(request, key)).toHaveLength(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), OUTBOX)).toContain(key);
  await context.setOffline(false);
  await confirmed(page, request, key);
});

test('a reload while a retry is pending resumes it', async ({ page, request }) => {
  const key = await ready(page);
  await faults(request, key, ['503:6']);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-status')).toContainText('Trying again in');
  await page.reload();
  await expect(page.getByTestId('send-status')).toContainText(/Trying again in [1-6] s/);
  await confirmed(page, request, key);
});

test('after the automatic attempts: safe on this device, then "Try again" sends it', async ({ page, request }) => {
  test.setTimeout(60_000);
  const key = await ready(page);
  await faults(request, key, ['500', '502', '503', '504', '500']);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send-paused')).toContainText('safe on this device', { timeout: 40_000 });
  await expect(page.locator('h1')).toBeFocused();
  expect(await rows(request, key)).toHaveLength(0);
  await page.getByTestId('try-again').click();
  await confirmed(page, request, key);
});

test('422: the problems are shown on the check page, linked to their fields', async ({ page, request }) => {
  const key = await ready(page);
  const body = { errors: [
    { field: 'answers.about.email', code: 'invalid_email', message: 'This is not an e-mail address.' },
    { field: 'quote', code: 'quote_mismatch', message: 'The quote does not match.' },
  ] };
  await faults(request, key, [{ status: 422, body }]);
  await page.getByTestId('send').click();
  await expect(page).toHaveURL(/\/apply\/check$/);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole('link')).toHaveText(['Enter an email address in the correct format, like name@example.org']);
  await expect(summary).toContainText('The fee has changed');
  await summary.getByRole('link').click();
  await expect(page).toHaveURL(/\/apply\/about-you\?return=check#about-email$/);
  await expect(page.locator('#about-email')).toBeFocused();
  // Sent again as it is (the receiver accepts it now): one row.
  await page.goto('/apply/check');
  await page.getByTestId('send').click();
  await confirmed(page, request, key);
});

test('the send button sends once, however often it is pressed', async ({ page, request }) => {
  const key = await ready(page);
  await faults(request, key, ['429:2']);
  await page.getByTestId('send').click();
  await expect(page).toHaveURL(/\/apply\/done$/);
  await page.goBack(); // the check page again: the application is on its way, so it follows it
  await expect(page).toHaveURL(/\/apply\/done$/);
  await confirmed(page, request, key);
});
