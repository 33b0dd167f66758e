// Shared test fixture: every test fails on any uncaught page error or console error, in any page
// of its browser context (pages opened by the test included).
//
//   import { test, expect } from './test-base.mjs';
//   test.use({ allowedConsoleErrors: [/expected message/] }); // opt out for a known message
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  allowedConsoleErrors: [[], { option: true }],
  pageProblems: async ({ context, allowedConsoleErrors }, use) => {
    const problems = [];
    context.on('weberror', (err) => problems.push(`pageerror: ${err.error().stack || err.error().message}`));
    context.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      const url = msg.location()?.url || '';
      // Chromium's own request for /favicon.ico (when the page declares no icon) is not the app's.
      if (/\/favicon\.ico$/.test(url)) return;
      if (allowedConsoleErrors.some((re) => re.test(text))) return;
      const where = url ? ` (${url})` : '';
      problems.push(`console.error: ${text}${where}`);
    });
    await use(problems);
    expect(problems, 'no uncaught page errors and no console errors').toEqual([]);
  },
  // Auto fixture: attach the listeners before the test opens its first page.
  page: async ({ page, pageProblems }, use) => {
    void pageProblems;
    await use(page);
  },
});

export { expect };

/** Pathname + search of the page's current URL. */
export const query = (page) => new URL(page.url()).searchParams;

/** Expect the data-amount of a [data-testid] element. */
export async function expectAmount(page, testid, amount) {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-amount', amount);
}
