#!/usr/bin/env node
// Closes an e2e run (`make e2e`): reads Playwright's JSON report, names every flaky test (it failed,
// then passed on a retry) and every failed one, prints
//   "e2e: N passed, N flaky, N failed, N skipped"
// and exits 1 when a test failed or was flaky, or when the report is missing: a flake is a failure
// that happened to pass once, never a pass (issue 16). playwright.config.mjs also sets
// failOnFlakyTests, so Playwright's own exit code says the same.
//
// Usage: node tests/e2e/summary.mjs [report.json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] || fileURLToPath(new URL('./playwright-report/results.json', import.meta.url));
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`e2e summary unavailable (${e.message}): the run did not finish`);
  process.exit(1);
}

const flaky = [];
const failed = [];
function walk(suite, titles) {
  const here = suite.title && !suite.title.endsWith('.mjs') ? [...titles, suite.title] : titles;
  for (const spec of suite.specs || []) {
    for (const t of spec.tests || []) {
      const name = `${spec.file}:${spec.line} ${[...here, spec.title].join(' › ')}${t.projectName ? ` [${t.projectName}]` : ''}`;
      const attempts = (t.results || []).map((r) => r.status).join(', ');
      if (t.status === 'flaky') flaky.push(`${name} (attempts: ${attempts})`);
      else if (t.status === 'unexpected') failed.push(`${name} (attempts: ${attempts})`);
    }
  }
  for (const child of suite.suites || []) walk(child, here);
}
for (const suite of report.suites || []) walk(suite, []);

const s = report.stats || {};
for (const f of flaky) console.log(`flaky: ${f}`);
for (const f of failed) console.log(`failed: ${f}`);
const errors = (report.errors || []).length;
if (errors) console.log(`errors outside tests: ${errors} (see the report)`);
console.log(`e2e: ${s.expected || 0} passed, ${s.flaky || 0} flaky, ${s.unexpected || 0} failed, ${s.skipped || 0} skipped`);
const bad = (s.unexpected || 0) + (s.flaky || 0) + errors;
if (bad) {
  console.log(`e2e: FAILED${s.flaky ? ' (a flaky test counts as a failure)' : ''}`);
  process.exit(1);
}
