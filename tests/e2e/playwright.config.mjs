// Playwright configuration: Debian's chromium (never a downloaded browser), tests against the e2e
// sites that sites.mjs prepares from the release build (target/e2e-sites/, `make e2e` builds them
// first), each on its own prefix and its own fixed clock (see sites.mjs and test-base.mjs).
//
// Servers (addresses.mjs): every site at ORIGIN (nginx-like lookup) and again at SPA_ORIGIN (bare SPA
// fallback), the partner page at PARTNER_ORIGIN, and one reference receiver per (edition, clock) of
// sites.mjs's RECEIVERS, with INTAKE_NOW and INTAKE_EDITION set; each site's <prefix>api/ goes to its
// receiver through the site server (fault injection). E2E_INTAKE=<path> runs another receiver binary.
//
// Flaky tests: retries are what CI sets (1 on CI, none locally), but a test that passes only on a
// retry fails the run (failOnFlakyTests) and summary.mjs names it.
import { defineConfig } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOST, INTAKE_TOKEN, PARTNER_PORT, PORT, RECEIVER_PORTS, SPA_PORT } from './addresses.mjs';
import { RECEIVERS, REPO, SITES_DIR, VARIANTS } from './sites.mjs';

// For the specs written before addresses.mjs (new ones import from there): INTAKE_PORT is the
// receiver of the `root` site (the build as shipped, on the real date).
export { INTAKE_TOKEN, PARTNER_PORT } from './addresses.mjs';
export const INTAKE_PORT = RECEIVER_PORTS.real;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INTAKE_BIN = process.env.E2E_INTAKE || join(REPO, 'target', 'debug', 'intake');
const RUN = `${Date.now()}`;
// `make e2e` empties this folder before each run; a database per receiver and run.
const DB_DIR = join(REPO, 'target', 'e2e-intake');

if (!existsSync(join(SITES_DIR, 'manifest.json'))) {
  throw new Error(`no e2e sites in ${SITES_DIR}: run \`node tests/e2e/sites.mjs\` (make e2e does)`);
}
mkdirSync(DB_DIR, { recursive: true });

const receivers = Object.entries(RECEIVERS).map(([name, r]) => ({
  command: INTAKE_BIN,
  url: `http://${HOST}:${RECEIVER_PORTS[name]}/api/applications`,
  env: {
    INTAKE_ADDR: `${HOST}:${RECEIVER_PORTS[name]}`,
    INTAKE_DB: join(DB_DIR, `${name}-${RUN}.sqlite3`),
    INTAKE_TOKEN,
    INTAKE_EDITION: r.edition,
    INTAKE_COUNTRIES: join(REPO, 'public', 'data', 'wb-income-classification.csv'),
    // Testing only: the receiver's "now" (RFC 3339, UTC). The `real` receiver runs on real time.
    ...(r.now ? { INTAKE_NOW: r.now } : {}),
  },
  reuseExistingServer: false,
  timeout: 20_000,
  stdout: 'pipe',
}));

// Every site at its prefix, /api/ of each to its receiver.
const siteArgs = Object.entries(VARIANTS)
  .flatMap(([name, v]) => [
    '--mount', `${v.prefix}=${join(SITES_DIR, name)}`,
    '--api', `${v.prefix}=http://${HOST}:${RECEIVER_PORTS[v.receiver]}`,
  ])
  .map((a) => JSON.stringify(a))
  .join(' ');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.mjs',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: true,
  workers: 2, // the machines have 2 cores
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    [process.env.CI ? 'list' : 'line'],
    ['json', { outputFile: './playwright-report/results.json' }],
    ['html', { outputFolder: './playwright-report/html', open: 'never' }],
  ],
  use: {
    baseURL: `http://${HOST}:${PORT}`,
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
    ...receivers,
    {
      command: `node server.mjs --port ${PORT} ${siteArgs}`,
      url: `http://${HOST}:${PORT}/open/`,
      // Never another server on the port: this one forwards /api/ to this run's receivers.
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
    },
    {
      command: `node server.mjs --port ${SPA_PORT} --spa-fallback-only ${siteArgs}`,
      url: `http://${HOST}:${SPA_PORT}/open/`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
    },
    // The partner page for the embed tests (a second origin, a foreign site: no policy of ours).
    {
      command: `node server.mjs --port ${PARTNER_PORT} --root fixtures/partner --no-csp`,
      url: `http://${HOST}:${PARTNER_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
    },
  ],
});
