// Playwright configuration: Debian's chromium (never a downloaded browser), tests against the
// release build in dist/ served by ./server.mjs at /, /diploma/ and /broken/.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 4173);
// Second origin: the partner host page of the embed tests (fixtures/partner), see `webServer` below.
export const PARTNER_PORT = Number(process.env.E2E_PARTNER_PORT || 4174);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The reference receiver (intake/, built by `make e2e`) on its own port with a fresh database;
// the test server forwards /api/… to it.
export const INTAKE_PORT = Number(process.env.E2E_INTAKE_PORT || 8797);
export const INTAKE_TOKEN = 'e2e-secretariat-token';
const REPO = new URL('../../', import.meta.url).pathname;
const DB = `${REPO}target/e2e-intake-${Date.now()}.sqlite3`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.mjs',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2, // the machines have 2 cores
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    [process.env.CI ? 'list' : 'line'],
    ['json', { outputFile: './playwright-report/results.json' }],
    ['html', { outputFolder: './playwright-report/html', open: 'never' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `${REPO}target/debug/intake`,
      url: `http://127.0.0.1:${INTAKE_PORT}/api/applications`,
      env: {
        INTAKE_ADDR: `127.0.0.1:${INTAKE_PORT}`,
        INTAKE_DB: DB,
        INTAKE_TOKEN,
        INTAKE_EDITION: `${REPO}public/edition.json`,
        INTAKE_COUNTRIES: `${REPO}public/data/wb-income-classification.csv`,
      },
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
    },
    {
      command: `node server.mjs --port ${PORT}`,
      env: { INTAKE_URL: `http://127.0.0.1:${INTAKE_PORT}` },
      url: `http://127.0.0.1:${PORT}/index.html`,
      // Never another server on the port: this one forwards /api/ to this run's receiver.
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
    },
    // Partner host page for the embed tests (second origin: another port).
    {
      command: `node server.mjs --port ${PARTNER_PORT} --root fixtures/partner --plain`,
      url: `http://127.0.0.1:${PARTNER_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
      stdout: 'pipe',
    },
  ],
});
