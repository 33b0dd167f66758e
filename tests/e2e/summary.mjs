#!/usr/bin/env node
// Prints Playwright's JSON report as one plain closing line: "e2e: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';
const file = process.argv[2] || new URL('./playwright-report/results.json', import.meta.url);
try {
  const s = JSON.parse(readFileSync(file, 'utf8')).stats || {};
  const failed = (s.unexpected || 0);
  console.log(`e2e: ${(s.expected || 0) + (s.flaky || 0)} passed, ${failed} failed, ${s.skipped || 0} skipped`);
} catch (e) {
  console.error(`e2e summary unavailable: ${e.message}`);
}
