// The release build as deployed: the same files at / and under /diploma/, the right content types
// (application/wasm for streaming compilation), relative asset URLs, public/ files at the root.
import { test, expect } from './test-base.mjs';

for (const base of ['/', '/diploma/']) {
  test(`assets load from ${base} with the right content types`, async ({ page }) => {
    const types = new Map();
    page.on('response', (r) => types.set(new URL(r.url()).pathname, [r.status(), r.headers()['content-type'] || '']));
    await page.goto(base);
    await page.waitForLoadState('networkidle');
    const wasm = [...types].filter(([p]) => p.endsWith('.wasm'));
    expect(wasm.length, 'the wasm module was fetched').toBeGreaterThan(0);
    for (const [path, [status, type]] of types) {
      expect(status, `${path} status`).toBeLessThan(400);
      expect(path.startsWith(base), `${path} is under ${base}`).toBe(true);
      if (path.endsWith('.wasm')) expect(type, path).toBe('application/wasm');
      if (path.endsWith('.js')) expect(type, path).toMatch(/javascript/);
    }
  });
}

test('public/ files are served from the dist root', async ({ request }) => {
  for (const path of ['/edition.json', '/diploma/edition.json']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(/application\/json/);
    await res.json();
  }
  const csv = await request.get('/data/wb-income-classification.csv');
  expect(csv.status()).toBe(200);
});

test('the broken mount serves the broken edition fixture', async ({ request }) => {
  const good = await (await request.get('/diploma/edition.json')).json();
  const bad = await (await request.get('/broken/edition.json')).json();
  expect(bad).not.toEqual(good);
});

test('unknown files are 404, unknown routes fall back to the app', async ({ request }) => {
  expect((await request.get('/nope.js')).status()).toBe(404);
  const page = await request.get('/diploma/estimate?member=yes');
  expect(page.status()).toBe(200);
  expect(page.headers()['content-type']).toMatch(/text\/html/);
});

test.describe('the documented /embed/estimate address', () => {
  // embed.html's static <base href="../"> is right for this two-segment path, so even the
  // browser's preload scanner fetches every asset from the right place: no 404 at all.
  test('/embed/estimate opens the frame in the embed entry with the same parameters', async ({ page }) => {
    await page.goto('/diploma/embed/estimate?member=yes&dues=yes&country=ESP&people=2');
    await expect(page).toHaveURL(/\/diploma\/embed\/estimate\?member=yes&dues=yes&country=ESP&people=2$/);
    await expect(page.getByTestId('fee-total')).toHaveAttribute('data-amount', '607.20');
  });
});
