// The application form's pages and its draft (/apply, /apply/<step>, /apply/check) on the `open`
// site (15 April 2026: applications open), as a person uses them: answers kept over two visits and
// between two tabs, storage that is full or refused (the form says so and keeps the answers between
// steps), a prototype (version 1) draft, an unreadable draft kept under its backup key, the
// estimate's answers (the prefill contract), errors with their summary, the keyboard alone, "Change"
// links, colleagues and word counts, files, deleting, a closed edition, and the axe audits of each
// page in three languages.
//
// Drafts are put on the device in the stored formats of the README's "Storage keys" (a public
// contract), and read back from there where the test is about what is kept; everything else is
// what a person sees and does. Sending is submit.spec.mjs; whole journeys from the course page are
// journeys.spec.mjs. Every test also fails on a page error or console error (test-base.mjs).
import { test, expect, siteURL, newContext } from './test-base.mjs';
import { LANGS, openLive, audit } from './pages.mjs';
import {
  APPLICANT, BACKUP_PREFIX, FORM, KEY, backLink, choice, envelope, field, fillAboutYou, heading, next, startNow, saveStatus, storedDraft,
  v1Draft, withStored,
} from './drafts.mjs';

test.use({ site: 'open' });

const en = FORM.en;
const notice = (page) => page.getByTestId('draft-notice');
const button = (page, name) => page.getByRole('button', { name, exact: true });
const link = (page, name) => page.getByRole('link', { name, exact: true });

// ---------------------------------------------------------------------------------------------
// The draft on the device

test('two visits: the page is closed mid-step, the next visit continues with the answers kept', async ({ context, page }) => {
  await openLive(page, 'open', '/apply');
  await expect(heading(page)).toHaveText(en.title);
  await expect(page.getByText('It takes about 20 minutes.')).toBeVisible();
  await startNow(page).click();
  await expect(heading(page)).toHaveText(en.steps[0]);
  await expect(heading(page)).toBeFocused();
  await fillAboutYou(page, 'en');
  await next(page, 'en', 2);
  await field(page, en.organisation.name).fill(APPLICANT.organisation);
  await field(page, en.organisation.city).fill(APPLICANT.city);
  await expect(saveStatus(page)).toHaveText(en.saved);
  // The first visit ends here: the page is closed without any "save" action.
  await page.close();

  const again = await context.newPage();
  await openLive(again, 'open', '/apply');
  await expect(again.getByText(/^Last saved /)).toBeVisible();
  await link(again, en.continueApp).click();
  // The first step not yet complete, with what was typed.
  await expect(again.getByText(en.progress(2), { exact: true })).toBeVisible();
  await expect(field(again, en.organisation.name)).toHaveValue(APPLICANT.organisation);
  await expect(field(again, en.organisation.city)).toHaveValue(APPLICANT.city);
  await backLink(again).click();
  await expect(again.getByText(en.progress(1), { exact: true })).toBeVisible();
  await expect(field(again, en.about.first)).toHaveValue(APPLICANT.first);
  await expect(choice(again, ...en.about.career)).toBeChecked();
});

test('two tabs: a change in one reaches the other; an older copy never overwrites a newer one', async ({ context, page }) => {
  await withStored(page, 'open', envelope(), '/apply/about-you');
  await expect(field(page, en.about.job)).toHaveValue('International relations officer');
  const b = await context.newPage();
  await openLive(b, 'open', '/apply/about-you');
  await expect(field(b, en.about.job)).toHaveValue('International relations officer');

  await field(page, en.about.job).fill('Head of international relations');
  await field(page, en.about.department).focus(); // the focus leaves the field: saved now
  await expect(field(b, en.about.job)).toHaveValue('Head of international relations');
  await expect(notice(b)).toHaveText('Your answers were updated from another tab or window.');

  // A newer copy written where tab b was not told (no storage event in the tab that writes): b
  // takes it rather than writing its older answers over it.
  const newer = envelope({}, '2026-04-15T09:00:00.000Z');
  newer.data.key = (await storedDraft(b)).data.key;
  newer.data.about.department = 'Written elsewhere';
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(newer)]);
  await field(b, en.about.surname).fill('Changed in the older tab');
  await field(b, en.about.surname).blur();
  await expect(field(b, en.about.department)).toHaveValue('Written elsewhere');
  expect((await storedDraft(b)).data.about.department).toBe('Written elsewhere');
});

for (const [what, script] of [
  ['storage full (every write refused)', () => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  }],
  ['storage refused (blocked by the browser)', () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
  }],
]) {
  test(`${what}: the form says "Not saved on this device" and keeps the answers between steps`, async ({ page }) => {
    await page.addInitScript(script);
    await openLive(page, 'open', '/apply');
    await startNow(page).click();
    await fillAboutYou(page, 'en');
    await expect(saveStatus(page)).toContainText(en.notSaved);
    await expect(button(page, en.download)).toBeVisible();
    await next(page, 'en', 2);
    await expect(saveStatus(page)).toContainText(en.notSaved);
    await field(page, en.organisation.name).fill(APPLICANT.organisation);
    await backLink(page).click();
    await expect(page.getByText(en.progress(1), { exact: true })).toBeVisible();
    await expect(field(page, en.about.first)).toHaveValue(APPLICANT.first);
    await expect(field(page, en.about.email)).toHaveValue(APPLICANT.email);
    await next(page, 'en', 2);
    await expect(field(page, en.organisation.name)).toHaveValue(APPLICANT.organisation);
    // The answers at hand as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, en.download).click()]);
    expect(download.suggestedFilename()).toBe('metropolis-diploma-draft.json');
  });
}

// With every write refused (quota full), the line said when the storage was read stays said: a
// flush with nothing to write (a focusout, leaving the start page) must not blank it.
test('storage full: "Not saved on this device" stays on a step while the focus moves, and after Start now', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await openLive(page, 'open', '/apply/about-you');
  await expect(saveStatus(page)).toContainText(en.notSaved);
  await field(page, en.about.first).focus();
  await field(page, en.about.surname).focus(); // nothing typed: the focus only moves
  await expect(saveStatus(page)).toContainText(en.notSaved, { timeout: 3_000 });
  await openLive(page, 'open', '/apply');
  await startNow(page).click();
  await expect(heading(page)).toHaveText(en.steps[0]);
  await expect(saveStatus(page)).toContainText(en.notSaved, { timeout: 3_000 });
});

test('a draft of the prototype (version 1) opens, and is written back in the current format', async ({ page }) => {
  await withStored(page, 'open', v1Draft());
  await expect(page.getByRole('heading', { name: 'Your saved answers' })).toBeVisible();
  await link(page, en.continueApp).click();
  await expect(page.getByText(en.progress(1), { exact: true })).toBeVisible();
  await expect(field(page, en.about.first)).toHaveValue('Ana María');
  await expect(field(page, en.about.surname)).toHaveValue('López');
  await expect(field(page, en.about.email)).toHaveValue('ana@example.org');
  await field(page, en.about.phone).fill('+34 600 000 000');
  await field(page, en.about.phone).blur();
  await expect(saveStatus(page)).toHaveText(en.saved);
  const stored = await storedDraft(page);
  expect(stored).toMatchObject({ kind: 'metropolis-diploma-draft', schema: 2, edition: '2026-4' });
  expect(stored.data.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(stored.data.about).toMatchObject({ first_name: 'Ana María', surname: 'López', phone: '+34 600 000 000' });
  expect(stored.data.organisation.member).toBe('yes');
});

test('an unreadable draft is kept under its .unreadable.<time> key; the form says so and starts afresh', async ({ page }) => {
  const text = '{"kind":"metropolis-diploma-draft","schema":2,"data":[oops';
  await withStored(page, 'open', text);
  await expect(notice(page)).toContainText('Answers saved on this device could not be read:');
  await expect(notice(page)).toContainText(`They were kept as a backup copy (${BACKUP_PREFIX}`);
  const backups = await page.evaluate((prefix) => Object.entries(localStorage).filter(([k]) => k.startsWith(prefix)), BACKUP_PREFIX);
  expect(backups).toHaveLength(1);
  const [backupKey, kept] = backups[0];
  expect(kept).toBe(text);
  expect(backupKey).toMatch(/^metropolis-diploma\.draft\.unreadable\.2026-04-15T\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(notice(page)).toContainText(backupKey);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  // A new application can start, and saving it leaves the backup alone.
  await startNow(page).click();
  await field(page, en.about.first).fill(APPLICANT.first);
  await field(page, en.about.first).blur();
  await expect(saveStatus(page)).toHaveText(en.saved);
  expect(await page.evaluate((k) => localStorage.getItem(k), backupKey)).toBe(text);
});

// ---------------------------------------------------------------------------------------------
// The estimate's answers: /apply?member=yes&dues=no&country=KEN&people=3&reduced=yes

const PREFILL = '/apply?member=yes&dues=no&country=KEN&people=3&reduced=yes';

test('the estimate\'s answers are taken at once into an empty draft, and the address loses them', async ({ page }) => {
  await openLive(page, 'open', PREFILL);
  await expect(notice(page)).toHaveText('The answers from your estimate were added to your application. Check them as you go.');
  await expect(page).toHaveURL(siteURL('open', 'apply'));
  await expect(page.getByRole('group', { name: 'Use the answers from your estimate?' })).toHaveCount(0);
  const stored = await storedDraft(page);
  expect(stored.data.organisation).toMatchObject({ member: 'yes', dues_paid: false, country: 'KEN' });
  expect(stored.data.registration).toMatchObject({ with_colleagues: true, reduced_requested: true });
  expect(stored.data.registration.colleagues).toHaveLength(2);
  // A reload asks nothing and changes nothing.
  await page.reload();
  await expect(link(page, en.continueApp)).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
  expect((await storedDraft(page)).data).toEqual(stored.data);
});

test('the estimate\'s answers ask first when they would change typed answers: keep mine, then use the estimate\'s', async ({ page }) => {
  const draft = envelope();
  await withStored(page, 'open', draft, PREFILL);
  const question = page.getByRole('group', { name: 'Use the answers from your estimate?' });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  // Each answer it would change: the question, the answer typed, the estimate's.
  await expect(question.getByRole('term')).toHaveText(['Has your organisation paid its 2024 membership dues?', 'Country', 'People registering, you included']);
  await expect(question.getByRole('definition')).toHaveText([
    'Your answer: Yes. In the estimate: No.',
    'Your answer: Spain. In the estimate: Kenya.',
    'Your answer: 1. In the estimate: 3.',
  ]);
  await expect(page).toHaveURL(siteURL('open', 'apply'));
  await button(page, 'Keep my answers').click();
  await expect(question).toHaveCount(0);
  expect((await storedDraft(page)).data).toEqual(draft.data);
  await page.reload();
  await expect(link(page, en.continueApp)).toBeVisible();
  await expect(question).toHaveCount(0);

  await openLive(page, 'open', PREFILL);
  await button(page, 'Use the estimate’s answers').click();
  await expect(notice(page)).toHaveText('The answers from your estimate were added to your application. Check them as you go.');
  const stored = await storedDraft(page);
  expect(stored.data.about).toEqual(draft.data.about);
  expect(stored.data.organisation).toMatchObject({ member: 'yes', dues_paid: false, country: 'KEN' });
  expect(stored.data.registration.colleagues).toHaveLength(2);
});

test('from the estimate, "Apply with these answers" carries them into the form', async ({ page }) => {
  await openLive(page, 'open', '/estimate?member=yes&dues=no&country=KEN&people=3&reduced=yes');
  await page.getByRole('link', { name: 'Apply with these answers' }).click();
  await expect(heading(page)).toHaveText(en.title);
  await expect(notice(page)).toHaveText('The answers from your estimate were added to your application. Check them as you go.');
  await expect(page).toHaveURL(siteURL('open', 'apply'));
  const stored = await storedDraft(page);
  expect(stored.data.organisation).toMatchObject({ member: 'yes', dues_paid: false, country: 'KEN' });
  expect(stored.data.registration.colleagues).toHaveLength(2);
});

// ---------------------------------------------------------------------------------------------
// Errors, the keyboard, moving around

test('errors: the summary takes the focus and links to each field; messages by the fields; answers kept', async ({ page }) => {
  await openLive(page, 'open', '/apply');
  await startNow(page).click();
  await field(page, en.about.first).fill(APPLICANT.first);
  await field(page, en.about.email).fill('not-an-email');
  // Nothing is judged while typing.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await button(page, en.continue).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: en.errorSummary }) });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: About you/);
  await expect(summary.getByRole('link')).toHaveText([
    'Enter your surname',
    'Enter an email address in the correct format, like name@example.org',
    'Enter your phone number',
    'Enter your job title',
    'Enter your department',
    'Enter your years of experience in international affairs',
    'Select your career stage',
  ]);
  const email = field(page, en.about.email);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter an email address in the correct format/);
  await summary.getByRole('link', { name: 'Enter your surname' }).click();
  await expect(field(page, en.about.surname)).toBeFocused();
  await summary.getByRole('link', { name: 'Select your career stage' }).click();
  await expect(choice(page, 'Career stage', 'Junior')).toBeFocused();
  await expect(field(page, en.about.first)).toHaveValue(APPLICANT.first);
  await expect(email).toHaveValue('not-an-email');
});

/** Presses Tab until `locator` has the focus (a keyboard user's way there), at most 40 times. */
async function tabTo(page, locator) {
  for (let i = 0; i < 40; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

test('keyboard only: Start now, the summary of an empty step, its links, one whole step', async ({ page }) => {
  await openLive(page, 'open', '/apply');
  await tabTo(page, startNow(page));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(en.steps[0]);
  await expect(heading(page)).toBeFocused();
  // Continue with nothing typed: the summary takes the focus; its first link leads to the field.
  await tabTo(page, button(page, en.continue));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: en.errorSummary }) });
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link', { name: 'Enter your first name' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(page, en.about.first)).toBeFocused();
  // The step, field after field.
  await page.keyboard.type(APPLICANT.first);
  for (const [label, text] of [[en.about.surname, APPLICANT.surname], [en.about.email, APPLICANT.email], [en.about.phone, APPLICANT.phone],
    [en.about.job, APPLICANT.job], [en.about.department, APPLICANT.department], [en.about.years, APPLICANT.years]]) {
    await page.keyboard.press('Tab');
    await expect(field(page, label)).toBeFocused();
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Tab'); // the first option of "Career stage"
  await expect(choice(page, 'Career stage', 'Junior')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // radios: arrows move the choice
  await expect(choice(page, 'Career stage', 'Mid-career')).toBeChecked();
  await page.keyboard.press('Space');
  await expect(choice(page, 'Career stage', 'Mid-career')).toBeChecked();
  await page.keyboard.press('Enter'); // submits the step
  await expect(page.getByText(en.progress(2), { exact: true })).toBeVisible();
  await expect(heading(page)).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('registration with colleagues: "Add a colleague" opens a row and takes the focus; the fee counts everyone', async ({ page }) => {
  const draft = envelope();
  draft.data.registration.with_colleagues = null;
  draft.data.declarations = { conditions: false, data_consent: false, truthful: false };
  await withStored(page, 'open', draft, '/apply/registration');
  const r = en.registration;
  await choice(page, r.group, r.alone).check();
  // A member that paid its dues, in the early-bird weeks: 660.00 - 50 % - 10 %.
  await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '297.00');
  await choice(page, r.group, r.together).check();
  await button(page, 'Add a colleague').click();
  const colleague = page.getByRole('group', { name: 'Colleague 1' });
  await expect(colleague.getByLabel('Full name')).toBeFocused();
  await colleague.getByLabel('Full name').fill('Joan Puig');
  await colleague.getByLabel('Email address').fill('joan@example.org');
  // Two people: each 660.00 - 50 % - 8 % (group) - 10 % (early bird) = 273.24.
  await expect(page.getByTestId('fee-per-person')).toHaveAttribute('data-amount', '273.24');
  await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '546.48');
  await next(page, 'en', 5);
  await backLink(page).click();
  await expect(page.getByRole('group', { name: 'Colleague 1' }).getByLabel('Full name')).toHaveValue('Joan Puig');
  await button(page, 'Remove colleague 1').click();
  await expect(page.getByRole('group', { name: 'Colleague 1' })).toHaveCount(0);
  await button(page, en.continue).click();
  await expect(page.getByRole('alert')).toContainText('Add at least one colleague, or choose “Alone”');
});

test('the long answers count their words against their limits', async ({ page }) => {
  const draft = envelope();
  draft.data.motivation = { why: '', experience: '', project: '', english: null };
  await withStored(page, 'open', draft, '/apply/motivation');
  await field(page, en.motivation.why).fill('To learn from other cities');
  await expect(page.getByText('5 of 250 words')).toBeVisible();
  await field(page, en.motivation.project).fill(Array.from({ length: 201 }, (_, i) => `w${i}`).join(' '));
  await expect(page.getByText('201 of 200 words')).toBeVisible();
  await button(page, en.continue).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Shorten this answer to 200 words or fewer' })).toBeVisible();
});

test('jumping ahead lands on the first incomplete step', async ({ page }) => {
  await openLive(page, 'open', '/apply/declarations');
  await expect(page).toHaveURL(siteURL('open', 'apply/about-you'));
  await openLive(page, 'open', '/apply/check');
  await expect(page).toHaveURL(siteURL('open', 'apply/about-you'));
});

test('a "Change" link opens the field, and Continue returns to the check page', async ({ page }) => {
  await withStored(page, 'open', envelope(), '/apply/check');
  await expect(heading(page)).toHaveText(en.check);
  await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '297.00');
  await link(page, 'Change Surname').click();
  await expect(page).toHaveURL(siteURL('open', 'apply/about-you?return=check#about-surname'));
  await expect(field(page, en.about.surname)).toBeFocused();
  await field(page, en.about.surname).fill('Diallo Ndiaye');
  await button(page, en.continue).click();
  await expect(heading(page)).toHaveText(en.check);
  await expect(page.getByRole('main')).toContainText('Diallo Ndiaye');
  // Back and forward work.
  await page.goBack();
  await expect(page).toHaveURL(/\/apply\/about-you\?return=check/);
  await page.goForward();
  await expect(heading(page)).toHaveText(en.check);
});

test('download the answers, open the file in another browser; a file that is not a draft is refused', async ({ browser, page }) => {
  await withStored(page, 'open', envelope());
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, en.download).click()]);
  const path = await download.path();

  const fresh = await newContext(browser);
  const other = await fresh.newPage();
  await openLive(other, 'open', '/apply');
  await expect(startNow(other)).toBeVisible();
  const input = other.getByLabel('Open answers from a file');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(notice(other)).toHaveText('The file is not a saved application from this form.');
  await input.setInputFiles(path);
  await expect(notice(other)).toHaveText('Your answers were loaded from the file.');
  await link(other, en.continueApp).click();
  await expect(heading(other)).toHaveText(en.check);
  await expect(other.getByRole('main')).toContainText(APPLICANT.first);
  await fresh.close();
});

test('"Delete my saved answers" asks first, then removes them', async ({ page }) => {
  await withStored(page, 'open', envelope());
  page.once('dialog', (d) => d.dismiss());
  await button(page, 'Delete my saved answers').click();
  await expect(link(page, en.continueApp)).toBeVisible();
  expect(await storedDraft(page)).not.toBeNull();
  page.once('dialog', (d) => d.accept());
  await button(page, 'Delete my saved answers').click();
  await expect(notice(page)).toHaveText('Your saved answers were deleted from this device.');
  await expect(startNow(page)).toBeVisible();
  expect(await storedDraft(page)).toBeNull();
});

test.describe('while applications are closed', () => {
  test.use({ site: 'closed' });
  test('the start page says why and has no Start now; a step leads back', async ({ page }) => {
    const closed = 'Applications for this edition are closed: the last day to apply was 16 October 2026. No new application can be started.';
    await openLive(page, 'closed', '/apply');
    await expect(page.getByText(closed)).toBeVisible();
    await expect(startNow(page)).toHaveCount(0);
    await openLive(page, 'closed', '/apply/about-you');
    await expect(page.getByText(closed)).toBeVisible();
    await expect(field(page, en.about.first)).toHaveCount(0);
    await link(page, 'Go to the start of the form').click();
    await expect(page).toHaveURL(siteURL('closed', 'apply'));
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility: axe (WCAG 2.1 A and AA, best practices) on each page of the form, in each language

// Each audit takes seconds on a busy machine.
test.describe('accessibility', () => {
  test.describe.configure({ timeout: 60_000 });
  for (const [lang, t] of Object.entries(LANGS)) {
    test(`${lang}: the start page, a step with errors`, async ({ page }) => {
      await openLive(page, 'open', `${t.folder}apply`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await audit(page, 'the start page');
      await openLive(page, 'open', `${t.folder}apply/about-you`);
      await page.locator('form button[type=submit]').click();
      await expect(page.getByRole('alert').first()).toBeFocused();
      await audit(page, 'about you, with errors');
    });

    test(`${lang}: a filled step, the check page`, async ({ page }) => {
      await withStored(page, 'open', envelope(), `${t.folder}apply/registration`);
      await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '297.00');
      await audit(page, 'registration, filled');
      await openLive(page, 'open', `${t.folder}apply/check`);
      await expect(page.getByTestId('fee-total')).toBeVisible();
      await audit(page, 'check your answers');
    });
  }
});

for (const width of [320, 640]) {
  test(`at ${width} CSS px wide, no page of the form scrolls sideways`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/apply', '/apply/about-you', '/apply/organisation']) {
      await withStored(page, 'open', envelope({ declarations: { conditions: false, data_consent: false, truthful: false } }), path);
      await expect(heading(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}
