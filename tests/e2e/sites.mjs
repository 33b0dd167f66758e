#!/usr/bin/env node
// The sites the e2e tests open: variants of the release build (dist/), each a deployment of its own
// under target/e2e-sites/<name>/, served by server.mjs at its prefix (/<name>/; `root` at /).
//
// A site is rendered for one base path (its pages carry `<base href>` = config.json's
// site.base_path) and one day (the prerender's --today), so each variant is prepared as a deployer
// would: copy dist/ (hard links for the large hashed files, real copies of the HTML and JSON, which
// are rewritten), put the variant's data files in, set site.base_path to its prefix, render every page
// again (`target/debug/prerender <dir> --today <day>`), deploy any file that changes after the build,
// then write its csp.json (tests/tools/csp.mjs). `make e2e` runs this before Playwright; a variant
// whose inputs have not changed since the last run is kept as it is (--force rebuilds all).
//
// The clock. Every variant except `root` belongs to one fixed instant, 10:00 in Barcelona on its day
// (VARIANTS[name].today / .now below): its pages are rendered for that day, the browser's clock is
// installed at that instant by the test fixture (test-base.mjs), and the variant's receiver runs with
// INTAKE_NOW at that instant. The state variants share ONE edition (fixtures/edition.json, the
// 4th edition: applications 2026-03-02 to 2026-10-16, early bird to 2026-05-31, course 2026-11-16 to
// 2026-11-20, a next edition announced), so that each state comes from the calendar, not from the data:
//
//   variant      prefix       today       now (UTC)              what the day is for the edition
//   root         /            (real)      (real)                 dist as built: public/ data, the real date
//   upcoming     /upcoming/   2026-02-16  2026-02-16T09:00:00Z   applications not yet open (open 2026-03-02)
//   open         /open/       2026-04-15  2026-04-15T08:00:00Z   open until 2026-10-16; early bird (10 %) until 2026-05-31
//   closed       /closed/     2026-10-26  2026-10-26T09:00:00Z   applications closed 2026-10-16; course not started
//   in-progress  /in-progress/ 2026-11-18 2026-11-18T09:00:00Z   course 2026-11-16 to 2026-11-20
//   ended        /ended/      2026-12-01  2026-12-01T09:00:00Z   ended; next_edition (2027-11-15 to 19) announced
//   diploma      /diploma/    2026-04-15  (as open)              the open site deployed under /diploma/
//   figures      /figures/    2026-04-15  (as open)              fixtures/figures-edition.json: member 40 % (dues
//                                                               2025), group 10 % from 3 people, refund 80 % up to
//                                                               45 days before the start, early bird 15 %
//   broken       /broken/     2026-04-15  (as open)              pages built from edition.json; the deployed
//                                                               edition.json is fixtures/broken-edition.json
//                                                               (list_fee "abc"), put in after the prerender
//   stale        /stale/      2026-04-15  (as open)              pages built from edition.json (660.00); the deployed
//                                                               edition.json is fixtures/stale-edition.json
//                                                               (720.00) without a new prerender: after hydration the
//                                                               page must show 720.00
//   quick        /quick/      2026-04-15  (as open)              fixtures/quick-config.json: 3-second submission timeout
//   brochure     /brochure/   2025-10-17  2025-10-17T08:00:00Z   fixtures/brochure-edition.json: the brochure's own
//                                                               3rd edition (course 2025-11-17 to 21, no early bird,
//                                                               no contact address, applications open until the day
//                                                               before the course); its day is the last refund day
//
// `root` is the one site on the real date: the build's own data (public/) rendered by `make build` for
// the day it ran. Tests that open it say so (test.use({ realClock: true })), as issue 16 allows for
// the smoke test that asserts what the product says today.
//
// Every fixed-clock variant's config.json comes from fixtures/config.json (or quick-config.json),
// which lists the partner page's origin (PARTNER_ORIGIN, the embed tests' second origin) in
// embed.allowed_origins: the embed policy's frame-ancestors in csp.json comes from there, never from
// the server.
//
// Receivers (RECEIVERS): one reference receiver per distinct (edition, clock); server.mjs forwards a
// variant's <prefix>api/ to its receiver. The receiver reads INTAKE_EDITION (the edition the site's
// pages show: for `broken`, the good file the pages were built from) and INTAKE_NOW.
//
// Usage: node tests/e2e/sites.mjs [--dist DIR] [--out DIR] [--only a,b] [--force] [--list]
//        PRERENDER=path overrides target/debug/prerender.
// API:   import { VARIANTS, RECEIVERS, siteDir, siteURL } from './sites.mjs'
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');
export const FIXTURES = join(HERE, 'fixtures');
/** Where the variants are written (each in a folder of its name). */
export const SITES_DIR = process.env.E2E_SITES_DIR ? resolve(process.env.E2E_SITES_DIR) : join(REPO, 'target', 'e2e-sites');
/** The partner page's origin (the embed tests' second server); fixtures/config.json lists it. */
export const PARTNER_ORIGIN = 'http://127.0.0.1:4174';

/** 10:00 in Barcelona on each day a variant belongs to (CET = UTC+1, CEST = UTC+2). */
export const CLOCKS = Object.freeze({
  upcoming: { today: '2026-02-16', now: '2026-02-16T09:00:00Z' },
  open: { today: '2026-04-15', now: '2026-04-15T08:00:00Z' },
  closed: { today: '2026-10-26', now: '2026-10-26T09:00:00Z' },
  'in-progress': { today: '2026-11-18', now: '2026-11-18T09:00:00Z' },
  ended: { today: '2026-12-01', now: '2026-12-01T09:00:00Z' },
});

/**
 * The brochure's own edition (the 3rd, 17-21 November 2025) on its last refund day: the refund
 * cases the brochure's terms give, on the dates it gives them.
 */
export const BROCHURE = Object.freeze({ today: '2025-10-17', now: '2025-10-17T08:00:00Z' });

const fixture = (f) => join(FIXTURES, f);
const REAL_EDITION = join(REPO, 'public', 'edition.json');

/**
 * The variants. Fields: prefix (where server.mjs mounts it; also its base path), today / now (its
 * clock; null = the real date), edition / config (fixture files the pages are rendered from; absent
 * = dist as built), deploy (files put in after the prerender), receiver (a key of RECEIVERS), and
 * state (what the calendar says on that day, checked against the edition when the sites are built).
 */
export const VARIANTS = Object.freeze({
  root: { prefix: '/', today: null, now: null, receiver: 'real' },
  upcoming: { prefix: '/upcoming/', ...CLOCKS.upcoming, state: 'upcoming', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'upcoming' },
  open: { prefix: '/open/', ...CLOCKS.open, state: 'open', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'open' },
  closed: { prefix: '/closed/', ...CLOCKS.closed, state: 'closed', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'closed' },
  'in-progress': { prefix: '/in-progress/', ...CLOCKS['in-progress'], state: 'in-progress', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'in-progress' },
  ended: { prefix: '/ended/', ...CLOCKS.ended, state: 'ended', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'ended' },
  diploma: { prefix: '/diploma/', ...CLOCKS.open, state: 'open', edition: fixture('edition.json'), config: fixture('config.json'), receiver: 'open' },
  figures: { prefix: '/figures/', ...CLOCKS.open, state: 'open', edition: fixture('figures-edition.json'), config: fixture('config.json'), receiver: 'figures' },
  broken: {
    prefix: '/broken/', ...CLOCKS.open, state: 'open', edition: fixture('edition.json'), config: fixture('config.json'),
    deploy: { 'edition.json': fixture('broken-edition.json') }, receiver: 'open',
  },
  stale: {
    prefix: '/stale/', ...CLOCKS.open, state: 'open', edition: fixture('edition.json'), config: fixture('config.json'),
    deploy: { 'edition.json': fixture('stale-edition.json') }, receiver: 'stale',
  },
  quick: { prefix: '/quick/', ...CLOCKS.open, state: 'open', edition: fixture('edition.json'), config: fixture('quick-config.json'), receiver: 'open' },
  brochure: { prefix: '/brochure/', ...BROCHURE, state: 'open', edition: fixture('brochure-edition.json'), config: fixture('config.json'), receiver: 'brochure' },
});

/** One reference receiver per (edition, clock): INTAKE_EDITION and INTAKE_NOW (null = real time). */
export const RECEIVERS = Object.freeze({
  real: { edition: REAL_EDITION, now: null },
  upcoming: { edition: fixture('edition.json'), now: CLOCKS.upcoming.now },
  open: { edition: fixture('edition.json'), now: CLOCKS.open.now },
  closed: { edition: fixture('edition.json'), now: CLOCKS.closed.now },
  'in-progress': { edition: fixture('edition.json'), now: CLOCKS['in-progress'].now },
  ended: { edition: fixture('edition.json'), now: CLOCKS.ended.now },
  figures: { edition: fixture('figures-edition.json'), now: CLOCKS.open.now },
  stale: { edition: fixture('stale-edition.json'), now: CLOCKS.open.now },
  brochure: { edition: fixture('brochure-edition.json'), now: BROCHURE.now },
});

/** The folder of a variant. */
export const siteDir = (name) => join(SITES_DIR, variant(name) && name);

/** A variant by name; throws on an unknown one. */
export function variant(name) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`no e2e site variant "${name}" (known: ${Object.keys(VARIANTS).join(', ')})`);
  return v;
}

/** The address of `path` (relative to the site: '/estimate', 'fr/refund', '') on variant `name`. */
export function siteURL(origin, name, path = '/') {
  return `${origin.replace(/\/+$/, '')}${variant(name).prefix}${String(path).replace(/^\/+/, '')}`;
}

/** The variant a URL's path belongs to (the longest prefix), or null. */
export function variantOf(pathname) {
  let best = null;
  for (const [name, v] of Object.entries(VARIANTS)) {
    if (pathname.startsWith(v.prefix) && (!best || v.prefix.length > VARIANTS[best].prefix.length)) best = name;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Consistency of the table above (runs on import: a wrong date or fixture fails every run at once)

function barcelona(instant) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (t) => parts.find((p) => p.type === t).value;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** What the calendar of `edition` (the DESIGN's rules) says on `day`. */
export function editionState(edition, day) {
  const { start_date: start, end_date: end } = edition.course;
  const opens = edition.applications?.opens ?? null;
  const closes = edition.applications?.closes ?? null;
  if (day > end) return 'ended';
  if (day >= start) return 'in-progress';
  if (opens && day < opens) return 'upcoming';
  if (closes && day > closes) return 'closed';
  return 'open';
}

for (const [name, v] of Object.entries(VARIANTS)) {
  if (v.now === null) continue;
  const at = barcelona(v.now);
  if (at.day !== v.today || at.hour !== 10) {
    throw new Error(`sites.mjs: ${name}: now ${v.now} is ${at.day} ${at.hour}:00 in Barcelona, not ${v.today} 10:00`);
  }
  if (!RECEIVERS[v.receiver]) throw new Error(`sites.mjs: ${name}: no receiver "${v.receiver}"`);
}

/** Checks each variant's edition against its state on its day; returns the problems. */
export function checkFixtures() {
  const problems = [];
  for (const [name, v] of Object.entries(VARIANTS)) {
    if (!v.edition) continue;
    const edition = JSON.parse(readFileSync(v.edition, 'utf8'));
    const state = editionState(edition, v.today);
    if (state !== v.state) problems.push(`${name}: ${relative(REPO, v.edition)} is ${state} on ${v.today}, want ${v.state}`);
    if (name === 'open' && !(edition.fees.early_bird && v.today <= edition.fees.early_bird.last_date)) {
      problems.push('open: the early bird must still run on its day');
    }
    if (name === 'ended' && !edition.next_edition) problems.push('ended: the edition must announce a next edition');
    const config = JSON.parse(readFileSync(v.config, 'utf8'));
    if (!(config.embed?.allowed_origins || []).includes(PARTNER_ORIGIN)) {
      problems.push(`${name}: ${relative(REPO, v.config)} must list ${PARTNER_ORIGIN} in embed.allowed_origins`);
    }
    const receiver = RECEIVERS[v.receiver];
    const deployed = v.deploy?.['edition.json'];
    const good = deployed && name !== 'broken' ? deployed : v.edition;
    if (receiver.now !== v.now || resolve(receiver.edition) !== resolve(good)) {
      problems.push(`${name}: receiver "${v.receiver}" must run at ${v.now} with ${relative(REPO, good)}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Building the sites

/** Every file under `dir` (relative paths), hidden build leftovers of trunk excepted. */
function files(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.stage' || entry.name === '.trunk-lock') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(p, base));
    else if (entry.isFile()) out.push(relative(base, p));
  }
  return out.sort();
}

/**
 * Copies dist into `out`: hard links for what is never rewritten (hashed js/wasm/css, snippets,
 * data), real copies of HTML and JSON, which the prerender, the data files and csp.mjs rewrite (a
 * write through a hard link would change dist/ itself).
 */
function copySite(dist, out, list) {
  rmSync(out, { recursive: true, force: true });
  let linked = 0;
  for (const f of list) {
    const from = join(dist, f);
    const to = join(out, f);
    mkdirSync(dirname(to), { recursive: true });
    if (!/\.(html|json)$/.test(f)) {
      try {
        linkSync(from, to);
        linked++;
        continue;
      } catch {
        // another file system, or links refused: copy
      }
    }
    copyFileSync(from, to);
  }
  return linked;
}

/** Writes `file` in the site without touching a file it may share with dist/. */
function put(site, file, text) {
  const to = join(site, file);
  if (existsSync(to)) unlinkSync(to);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, text);
}

function run(cmd, args, label) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', (e) => reject(new Error(`${label}: ${cmd} could not start: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolvePromise(output.trim()) : reject(new Error(`${label}: ${cmd} ${args.join(' ')} exited with ${code}\n${output.trim()}`))));
  });
}

/** What a variant is made from: when it is unchanged, the site on disk is kept. */
function stampOf(name, v, dist, list, prerender) {
  const h = createHash('sha256');
  h.update(JSON.stringify({ name, v }));
  for (const f of [v.edition, v.config, ...Object.values(v.deploy || {})].filter(Boolean)) h.update(readFileSync(f));
  for (const f of list) {
    const s = statSync(join(dist, f));
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  if (v.edition) {
    const s = statSync(prerender);
    h.update(`prerender\0${s.size}\0${s.mtimeMs}`);
  }
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update(readFileSync(join(REPO, 'tests', 'tools', 'csp.mjs')));
  return h.digest('hex');
}

async function buildVariant(name, { dist, out, list, prerender, force }) {
  const v = VARIANTS[name];
  const site = join(out, name);
  const stampFile = join(out, `.${name}.stamp`);
  const stamp = stampOf(name, v, dist, list, prerender);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(site, 'csp.json'))) {
    return `${name}: unchanged`;
  }
  rmSync(stampFile, { force: true });
  const started = Date.now();
  const linked = copySite(dist, site, list);
  const notes = [];
  if (v.edition) {
    put(site, 'edition.json', readFileSync(v.edition));
    const config = JSON.parse(readFileSync(v.config, 'utf8'));
    config.site = { ...(config.site || {}), base_path: v.prefix };
    put(site, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
    // Every page again, for this base path, these data and this day.
    const said = await run(prerender, [site, '--today', v.today], `${name}: prerender`);
    notes.push(said.split('\n').filter((l) => /^prerender:/.test(l)).at(-1) || 'pages rendered');
  } else {
    const config = JSON.parse(readFileSync(join(site, 'config.json'), 'utf8'));
    const base = config.site?.base_path ?? '/';
    if (base !== v.prefix) throw new Error(`${name}: dist/config.json has site.base_path ${base}, the variant is served at ${v.prefix}`);
    notes.push('dist as built');
  }
  // Files deployed after the build, without a new prerender.
  for (const [file, from] of Object.entries(v.deploy || {})) {
    put(site, file, readFileSync(from));
    notes.push(`${file} <- ${relative(REPO, from)}`);
  }
  await run(process.execPath, [join(REPO, 'tests', 'tools', 'csp.mjs'), site], `${name}: csp`);
  writeFileSync(stampFile, stamp);
  return `${name}: ${notes.join('; ')} (${linked} files linked, ${((Date.now() - started) / 1000).toFixed(1)} s)`;
}

/** Builds the variants `names` (default: all) from `dist` into `out`. */
export async function buildSites({ dist = join(REPO, 'dist'), out = SITES_DIR, names = Object.keys(VARIANTS), force = false, prerender } = {}) {
  dist = resolve(dist);
  prerender = resolve(prerender || process.env.PRERENDER || join(REPO, 'target', 'debug', 'prerender'));
  const problems = checkFixtures();
  if (problems.length) throw new Error(`the fixtures do not match the variants:\n  ${problems.join('\n  ')}`);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: run \`make build\` first`);
  const needPrerender = names.some((n) => variant(n).edition);
  if (needPrerender && !existsSync(join(dist, '.templates', 'app.html'))) {
    throw new Error(`${dist}/.templates/app.html not found: run \`make build\` (it saves trunk's templates)`);
  }
  if (needPrerender && !existsSync(prerender)) {
    throw new Error(`${prerender} not found: cargo build --features ssr --bin prerender (make e2e does)`);
  }
  mkdirSync(out, { recursive: true });
  // Folders of variants that no longer exist go.
  for (const entry of readdirSync(out)) {
    const known = VARIANTS[entry] || (entry.startsWith('.') && VARIANTS[entry.slice(1).replace(/\.stamp$/, '')]);
    if (!known && entry !== 'manifest.json') rmSync(join(out, entry), { recursive: true, force: true });
  }
  const list = files(dist);
  const queue = [...names];
  const reports = [];
  const worker = async () => {
    while (queue.length) {
      const name = queue.shift();
      reports.push(await buildVariant(name, { dist, out, list, prerender, force }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), names.length) }, worker));
  const manifest = Object.fromEntries(Object.entries(VARIANTS).map(([n, v]) => [n, {
    dir: join(out, n), prefix: v.prefix, today: v.today, now: v.now, state: v.state ?? null, receiver: v.receiver,
  }]));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return reports.sort();
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const argv = process.argv.slice(2);
  const opt = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--list')) {
    for (const [name, v] of Object.entries(VARIANTS)) {
      console.log(`${name.padEnd(12)} ${v.prefix.padEnd(14)} ${(v.today ?? 'real date').padEnd(10)} ${(v.now ?? '').padEnd(21)} ${v.state ?? ''}`);
    }
    process.exit(0);
  }
  const names = opt('--only') ? opt('--only').split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const started = Date.now();
  try {
    names?.forEach(variant);
    const reports = await buildSites({ dist: opt('--dist'), out: opt('--out') ? resolve(opt('--out')) : undefined, names, force: argv.includes('--force') });
    for (const r of reports) console.log(`sites: ${r}`);
    const out = opt('--out') ? resolve(opt('--out')) : SITES_DIR;
    const shown = relative(process.cwd(), out);
    console.log(`sites: ${reports.length} e2e sites in ${shown && !shown.startsWith('..') ? shown : out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    console.error(`sites: ${e.message}`);
    process.exit(1);
  }
}
