// Sending without loss (/apply/check -> /apply/done), against the `open` site's reference receiver
// (INTAKE_NOW on the site's clock), with faults injected between the browser and the receiver by
// the site server (server.mjs, POST /__faults, per idempotency key): a connection dropped after the
// receiver stored the application, 5xx and 429 retried with a countdown, then paused with "Try
// again", a hanging request abandoned after the configured timeout, offline, a reload while waiting,
// 422 back to the check page with the problems linked to their fields, 409, and the confirmation
// again on a reload of /apply/done. After each, the receiver holds exactly one row for the
// application, and the confirmation shows its reference. Each state of sending is audited with axe
// in English, French and Spanish.
//
// Waits between attempts (1 s, 2 s, 4 s… with jitter, or Retry-After) run on the page's installed
// clock: a test that does not wait for a countdown to end moves the clock on by the seconds the page
// shows (page.clock.fastForward), never sleeps.
import { test, expect, siteURL, expectFailure } from './test-base.mjs';
import { LANGS, openLive, audit } from './pages.mjs';
import {
  APPLICANT, FORM, KEY, OUTBOX, SENT, endpoint, envelope, field, heading, injectFaults, receivedRows, withStored,
} from './drafts.mjs';

test.use({ site: 'open' });
// The site server compresses each file on its first request (synchronously): on a busy machine a
// POST can wait behind a cold page load for many seconds. The sending waits allow for it.
test.describe.configure({ timeout: 90_000 });
const SLOW = { timeout: 30_000 };

const en = FORM.en;
const sendButton = (page) => page.getByRole('button', { name: en.send, exact: true });
const sendStatus = (page) => page.getByTestId('send-status');
const PAUSED = 'Your application has not been sent yet';

/** A complete application on the check page of `site`; returns its idempotency key. */
async function ready(page, site = 'open') {
  const draft = envelope();
  await withStored(page, site, draft, '/apply/check');
  await expect(sendButton(page)).toBeVisible();
  return draft.data.key;
}

/** The confirmation shows the one stored row's reference; the outbox and the draft are gone. */
async function confirmed(page, request, key) {
  await expect(heading(page)).toHaveText(en.done, SLOW);
  const reference = page.getByTestId('reference');
  await expect(reference).toHaveText(en.reference);
  const rows = await receivedRows(request, 'open', key);
  expect(rows).toHaveLength(1);
  await expect(reference).toHaveText(rows[0].reference);
  expect(await page.evaluate((k) => localStorage.getItem(k), OUTBOX)).toBeNull();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  return rows[0].reference;
}

/**
 * Moves the page's clock past each countdown it shows ("Trying again in N s (attempt n of 5)")
 * until `done` is visible.
 */
async function skipWaits(page, done) {
  const waiting = sendStatus(page).filter({ hasText: /Trying again in \d+ s \(attempt \d+ of 5\)/ });
  for (let i = 0; i < 8; i++) {
    await expect(done.or(waiting)).toBeVisible(SLOW);
    if (await done.isVisible()) return;
    const text = await waiting.innerText().catch(() => '');
    const m = /Trying again in (\d+) s \(attempt (\d+) of 5\)/.exec(text);
    if (!m) continue; // it moved on meanwhile
    await page.clock.fastForward(Number(m[1]) * 1000);
    await expect(done.or(sendStatus(page).filter({ hasNotText: `(attempt ${m[2]} of 5)` }))).toBeVisible(SLOW);
  }
  await expect(done).toBeVisible(SLOW);
}

test('the connection drops after the receiver stored it: the retry gets the same reference', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  // The first POST reaches the receiver, which stores it; its answer never reaches the page. (In
  // the browser, not with the site server's "drop-after-store": Chrome silently resends a POST
  // whose reused connection closes before any answer, and the page would never see the failure.)
  let stored = null;
  await page.route(endpoint('open'), async (route) => {
    if (stored) return route.continue();
    stored = await route.fetch();
    await route.abort('connectionreset');
  });
  await sendButton(page).click();
  await skipWaits(page, heading(page).filter({ hasText: en.done }));
  expect(stored.status()).toBe(201);
  const reference = await confirmed(page, request, key);
  expect((await stored.json()).reference).toBe(reference);
});

test('a 5xx is retried after a countdown, then sent', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, ['500']);
  await sendButton(page).click();
  await expect(page).toHaveURL(siteURL('open', 'apply/done'));
  await expect(heading(page)).toHaveText('Sending your application');
  await expect(sendStatus(page)).toContainText(/It could not be sent yet\. Trying again in \d s \(attempt 2 of 5\)\. Your application is saved on this device\./, SLOW);
  await skipWaits(page, heading(page).filter({ hasText: en.done }));
  await confirmed(page, request, key);
});

test('429 with Retry-After: the page counts down that long, then sends', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, ['429:3']);
  await sendButton(page).click();
  await expect(sendStatus(page)).toContainText('Trying again in 3 s (attempt 2 of 5)', SLOW);
  await expect(sendStatus(page)).toContainText('Trying again in 2 s (attempt 2 of 5)');
  expect(await receivedRows(request, 'open', key)).toHaveLength(0);
  await confirmed(page, request, key);
});

test('after the automatic attempts: paused, safe on this device, then "Try again" sends it', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, ['500', '502', '503', '504', '500']);
  await sendButton(page).click();
  const paused = heading(page).filter({ hasText: PAUSED });
  await skipWaits(page, paused);
  await expect(paused).toBeFocused();
  await expect(page.getByRole('main')).toContainText('It is safe on this device.');
  await expect(page.getByRole('main')).toContainText('Last problem: the service answered with error 500.');
  await expect(page.getByRole('button', { name: en.download })).toBeVisible();
  expect(await receivedRows(request, 'open', key)).toHaveLength(0);
  // Still paused after a reload: nothing is sent behind the person's back.
  await page.reload();
  await expect(paused).toBeVisible();
  expect(await receivedRows(request, 'open', key)).toHaveLength(0);
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await confirmed(page, request, key);
});

test('a status that retrying cannot change (404) pauses at once', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, [{ status: 404, body: {} }]);
  await sendButton(page).click();
  await expect(heading(page)).toHaveText(PAUSED, SLOW);
  await expect(page.getByRole('main')).toContainText('Last problem: the service answered with error 404.');
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await confirmed(page, request, key);
});

test.describe('on a site with a 3-second submission timeout', () => {
  test.use({ site: 'quick' });
  test('a hanging request is abandoned after the timeout and retried', async ({ page, request }) => {
    const key = await ready(page, 'quick');
    await injectFaults(request, key, ['hang']);
    await sendButton(page).click();
    await expect(sendStatus(page)).toHaveText('Sending your application…');
    expect(await receivedRows(request, 'open', key)).toHaveLength(0);
    await page.clock.fastForward(3_000);
    await skipWaits(page, heading(page).filter({ hasText: en.done }));
    await confirmed(page, request, key);
  });
});

test('offline: nothing is sent until the browser is online again', async ({ context, page, request }) => {
  // The browser asks for the site's icon again as the address changes; offline, it would fail
  // (this test is about the application, not the icon).
  await page.route(siteURL('open', 'favicon.svg'), (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }));
  const key = await ready(page);
  await context.setOffline(true);
  await sendButton(page).click();
  await expect(sendStatus(page)).toHaveText('You are offline. Your application is saved on this device and will be sent as soon as you are back online.');
  expect(await receivedRows(request, 'open', key)).toHaveLength(0);
  expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), OUTBOX))).toMatchObject({ key, state: 'sending' });
  await context.setOffline(false);
  await confirmed(page, request, key);
});

test('a reload while a retry is waiting resumes it', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, ['503:6']);
  await sendButton(page).click();
  await expect(sendStatus(page)).toContainText('Trying again in 6 s (attempt 2 of 5)', SLOW);
  await page.reload();
  await expect(sendStatus(page)).toContainText(/Trying again in \d+ s \(attempt 2 of 5\)/);
  await skipWaits(page, heading(page).filter({ hasText: en.done }));
  await confirmed(page, request, key);
});

test('422: back to the check page, each problem linked to its field and shown by its answer', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  const body = { errors: [
    { field: 'answers.about.email', code: 'invalid_email', message: 'This is not an e-mail address.' },
    { field: 'answers.motivation.why', code: 'too_long', message: 'Too long.' },
    { field: 'quote', code: 'quote_mismatch', message: 'The quote does not match.' },
  ] };
  await injectFaults(request, key, [{ status: 422, body }]);
  await sendButton(page).click();
  await expect(page).toHaveURL(siteURL('open', 'apply/check'), SLOW);
  const summary = page.getByRole('alert').filter({ hasText: 'Metropolis could not accept the application as it is' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole('link')).toHaveText([
    'Enter an email address in the correct format, like name@example.org',
    'Shorten this answer to 3,000 characters or fewer',
  ]);
  await expect(summary).toContainText('The fee has changed since it was calculated.');
  // Each problem also stands by its answer.
  await expect(page.getByRole('definition').filter({ hasText: APPLICANT.email }))
    .toContainText('Error: Enter an email address in the correct format, like name@example.org');
  await expect(page.getByRole('definition').filter({ hasText: APPLICANT.why }))
    .toContainText('Error: Shorten this answer to 3,000 characters or fewer');
  await summary.getByRole('link', { name: /email address in the correct format/ }).click();
  await expect(page).toHaveURL(siteURL('open', 'apply/about-you?return=check#about-email'));
  await expect(field(page, en.about.email)).toBeFocused();
  await page.getByRole('button', { name: en.continue, exact: true }).click();
  await expect(heading(page)).toHaveText(en.check);
  // Sent again as it is (the receiver accepts it now): one row.
  await sendButton(page).click();
  await confirmed(page, request, key);
});

test('409: the page says it was already received with other answers, and how to change it', async ({ page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, [{ status: 409, body: { errors: [{ field: 'idempotency_key', code: 'conflict', message: 'Already received.' }] } }]);
  await sendButton(page).click();
  await expect(heading(page)).toHaveText('This application was already received with other answers', SLOW);
  await expect(heading(page)).toBeFocused();
  await expect(page.getByRole('main')).toContainText('To change an application you have already sent, reply to the confirmation of receipt you received.');
  await expect(page.getByRole('main')).toContainText('You can also write to diploma@example.org.');
  await page.reload();
  await expect(heading(page)).toHaveText('This application was already received with other answers');
  expect(await receivedRows(request, 'open', key)).toHaveLength(0);
});

test('a reload of /apply/done, or a later visit, shows the confirmation again', async ({ context, page, request }) => {
  const key = await ready(page);
  await sendButton(page).click();
  const reference = await confirmed(page, request, key);
  await expect(page.getByTestId('record-total')).toHaveAttribute('data-amount', '297.00');
  expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SENT))).toMatchObject({ reference });
  await page.reload();
  await expect(heading(page)).toHaveText(en.done);
  await expect(page.getByTestId('reference')).toHaveText(reference);
  await expect(page.getByRole('main')).toContainText(APPLICANT.first);
  await page.close();
  const later = await context.newPage();
  await openLive(later, 'open', '/apply/done');
  await expect(later.getByTestId('reference')).toHaveText(reference);
  expect(await receivedRows(request, 'open', key)).toHaveLength(1);
});

test('two tabs sending the same application: one row, the same reference in both', async ({ context, page, request }) => {
  const key = await ready(page);
  expectFailure(endpoint('open'));
  await injectFaults(request, key, ['500']);
  await sendButton(page).click();
  await expect(sendStatus(page)).toContainText(/Trying again in \d+ s/, SLOW);
  // While the first tab waits to try again, a second tab opens the sending page: it finds the same
  // application on this device and sends it (with the same idempotency key).
  const other = await context.newPage();
  await openLive(other, 'open', '/apply/done');
  await expect(heading(other)).toHaveText(en.done, SLOW);
  const reference = await other.getByTestId('reference').innerText();
  await skipWaits(page, heading(page).filter({ hasText: en.done }));
  await expect(page.getByTestId('reference')).toHaveText(reference);
  const rows = await receivedRows(request, 'open', key);
  expect(rows).toHaveLength(1);
  expect(rows[0].reference).toBe(reference);
});

test('the send button sends once, however often it is pressed', async ({ page, request }) => {
  const key = await ready(page);
  // Every POST the page makes, not only what the receiver keeps (it de-duplicates by key, so a page
  // that sent twice would still leave one row).
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url() === endpoint('open')) posts.push(r.url()); });
  await sendButton(page).dblclick();
  await expect(page).toHaveURL(siteURL('open', 'apply/done'));
  await confirmed(page, request, key);
  expect(posts, 'POSTs to the endpoint').toHaveLength(1);
  // Back to the check page: the application is sent, and going back sends nothing again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goForward();
  await expect(heading(page)).toHaveText(en.done, SLOW);
  expect(posts, 'POSTs to the endpoint after going back and forward').toHaveLength(1);
});

// ---------------------------------------------------------------------------------------------
// Accessibility: axe (WCAG 2.1 A and AA, best practices) on each state of sending, in each language

for (const [lang, t] of Object.entries(LANGS)) {
  test(`accessibility, ${lang}: refused (422), waiting, paused, sending offline, received`, async ({ context, page, request }) => {
    await page.route(siteURL('open', 'favicon.svg'), (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }));
    const draft = envelope();
    const key = draft.data.key;
    await withStored(page, 'open', draft, `${t.folder}apply/check`);
    const send = page.locator('button[data-testid=send]');
    await expect(send).toBeVisible();
    expectFailure(endpoint('open'));
    const refusal = { errors: [{ field: 'answers.about.email', code: 'invalid_email', message: 'x' }] };
    await injectFaults(request, key, [{ status: 422, body: refusal }, '503:30', { status: 404, body: {} }]);
    await send.click();
    await expect(page.getByRole('alert')).toBeFocused(SLOW);
    await audit(page, 'the check page with the receiver\'s problems');
    await send.click();
    await expect(sendStatus(page)).toContainText('30', SLOW);
    await audit(page, 'waiting to try again');
    await page.clock.fastForward(30_000);
    const tryAgain = page.locator('button[data-testid=try-again]');
    await expect(tryAgain).toBeVisible(SLOW);
    await audit(page, 'not sent yet, safe on this device');
    await context.setOffline(true);
    await tryAgain.click();
    await expect(sendStatus(page)).toBeVisible();
    await audit(page, 'sending, offline');
    await context.setOffline(false);
    await expect(page.getByTestId('reference')).toHaveText(en.reference, SLOW);
    await audit(page, 'the confirmation');
  });
}
