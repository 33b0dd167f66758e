// Hydration: the prerendered page is taken over, not thrown away. The heading and the main region
// are the same DOM nodes before and after the WebAssembly arrives, the largest paint's element stays
// in the page, nothing moves, the console says nothing at all, and what a visitor typed before the
// WebAssembly arrived is kept. The WebAssembly is held back (page.route) so that the test sees, and
// acts on, the page as it is before the app arrives.
import { test, expect, gotoSite, siteURL } from './test-base.mjs';
import { LANGS, dataChecked, holdWasm, openLive } from './pages.mjs';

const PAGES = [['/', 'the course page'], ['/refund', 'the refund page']];

/** Two frames, so that what the app does after its last network answer has been painted. */
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Waits until the app has taken the page over and checked its data (see pages.mjs dataChecked). */
async function live(page, name) {
  const answers = await dataChecked(page, name);
  await Promise.all(answers.map((r) => r.finished()));
  await painted(page);
}

for (const lang of ['en', 'fr', 'es']) {
  for (const [path, what] of PAGES) {
    test(`${lang}: ${what} is taken over: same heading and main, the same largest paint, no shift, no console message`, async ({ page }) => {
      const messages = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      const wasm = await holdWasm(page);
      await gotoSite(page, 'open', `${LANGS[lang].folder}${path.slice(1)}`);
      await expect.poll(() => wasm.requested.length, 'the page asks for its WebAssembly once painted').toBe(1);
      await page.evaluate(() => {
        window.__before = { h1: document.querySelector('h1'), main: document.querySelector('main') };
        window.__lcp = [];
        new PerformanceObserver((list) => window.__lcp.push(...list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => ({
          value: e.value, sources: (e.sources || []).map((s) => s.node?.outerHTML?.slice(0, 120) ?? '(gone)'),
        })))).observe({ type: 'layout-shift', buffered: true });
      });
      const before = await page.evaluate(() => ({ h1: window.__before.h1.textContent, lcp: window.__lcp.length }));
      expect(before.lcp, 'a largest paint before the WebAssembly').toBeGreaterThan(0);
      const taken = live(page, 'open');
      wasm.release();
      await taken;
      const after = await page.evaluate(() => ({
        sameH1: document.querySelector('h1') === window.__before.h1,
        sameMain: document.querySelector('main') === window.__before.main,
        h1: document.querySelector('h1').textContent,
        lcpInPage: window.__lcp.at(-1).element?.isConnected === true,
        shifts: window.__shifts,
      }));
      expect(after.h1).toBe(before.h1);
      expect(after.sameH1, 'the h1 is the prerendered node').toBe(true);
      expect(after.sameMain, 'main is the prerendered node').toBe(true);
      expect(after.lcpInPage, 'the largest paint\'s element is still in the page').toBe(true);
      expect(after.shifts, 'layout shifts').toEqual([]);
      // The app is live: the site's links are the router's now (no page load).
      await page.evaluate(() => { window.__sameDocument = true; });
      const other = path === '/' ? LANGS[lang].nav.refund : LANGS[lang].nav.home;
      await page.getByRole('navigation', { name: LANGS[lang].nav.label }).getByRole('link', { name: other }).click();
      await expect(page).toHaveURL(siteURL('open', `${LANGS[lang].folder}${path === '/' ? 'refund' : ''}`));
      expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
      expect(messages, 'console messages of any kind').toEqual([]);
    });
  }
}

test('the app is fetched only once the page\'s first contentful paint is shown, on the largest page too', async ({ page }) => {
  // The test's fixed clock replaces `performance`'s entry lists; observers still see the real ones.
  await page.addInitScript(() => {
    window.__times = {};
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-contentful-paint') window.__times.fcp = e.startTime;
        if (/\/metropolis-diploma-[0-9a-f]+\.js$/.test(e.name)) window.__times.js = e.startTime;
      }
    }).observe({ entryTypes: ['paint', 'resource'] });
  });
  for (const lang of ['en', 'fr', 'es']) {
    await gotoSite(page, 'open', `${LANGS[lang].folder}estimate`);
    const times = await (await page.waitForFunction(() => (window.__times.fcp !== undefined && window.__times.js !== undefined
      ? window.__times : null), null, { polling: 50 })).jsonValue();
    expect(times.js, `${lang}: the app's JavaScript is requested after the first contentful paint`).toBeGreaterThanOrEqual(times.fcp);
  }
});

test('what was typed before the WebAssembly arrived is kept, and counts', async ({ page }) => {
  const wasm = await holdWasm(page);
  await gotoSite(page, 'open', '/refund');
  await expect.poll(() => wasm.requested.length).toBe(1);
  // The prerendered page: the fields are there and take typing, the figures wait for the app.
  await page.getByLabel('Amount you paid').fill('330');
  await page.getByLabel('Date you send the written cancellation').fill('2026-05-02');
  await page.getByLabel('Name and surname').fill('Amina Odhiambo');
  await expect(page.getByTestId('refund-amount')).toHaveCount(0);
  const taken = live(page, 'open');
  wasm.release();
  await taken;
  await expect(page.getByLabel('Amount you paid')).toHaveValue('330');
  await expect(page.getByLabel('Date you send the written cancellation')).toHaveValue('2026-05-02');
  await expect(page.getByLabel('Name and surname')).toHaveValue('Amina Odhiambo');
  await expect(page.getByTestId('refund-amount')).toHaveAttribute('data-amount', '247.50');
  await expect(page.getByTestId('refund-due-by')).toHaveAttribute('data-date', '2026-06-01');
  await expect(page.getByLabel('Your message')).toHaveValue(/Name and surname: Amina Odhiambo/);
  await expect.poll(() => new URL(page.url()).search).toBe('?paid=330.00&date=2026-05-02');
});

test('French: typed before the WebAssembly, kept, and an error in it is said once the app runs', async ({ page }) => {
  const wasm = await holdWasm(page);
  await gotoSite(page, 'open', 'fr/refund');
  await expect.poll(() => wasm.requested.length).toBe(1);
  await page.getByLabel('Montant payé').fill('33O');
  const taken = live(page, 'open');
  wasm.release();
  await taken;
  await expect(page.getByLabel('Montant payé')).toHaveValue('33O');
  await expect(page.getByLabel('Montant payé')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Saisissez le montant sous forme de nombre, par exemple 330 ou 330,00.')).toBeVisible();
});

test('a page that was not touched stays as it was served: no query, no figures invented', async ({ page }) => {
  await openLive(page, 'open', '/refund');
  await painted(page);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByLabel('Amount you paid')).toHaveValue('');
  await expect(page.getByLabel('Amount you paid')).not.toHaveAttribute('aria-invalid', 'true');
});
