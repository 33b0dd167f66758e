#!/usr/bin/env node
// `make size`: what a person downloads from the release build, brotli-compressed, against issue 12's
// budgets. Fails (exit 1) past a ceiling, or when a page refers to a file the site does not have.
//
//   the application   the journey / -> /estimate -> /apply -> each step -> /apply/check -> /apply/done:
//                     every HTML page, JS, wasm, CSS, snippets/ JS and icon it loads, and the data files
//                     the app fetches after load (edition.json, config.json)
//                       target  250,000 bytes (APP_TARGET_BYTES): past it, a warning
//                       ceiling 280,000 bytes (APP_CEILING_BYTES): past it, a failure
//                     in each language; and the same ceiling for a first visit to any page of the
//                     application (a person may land on /apply/check from a bookmark)
//   the embed frame   embed/estimate/index.html (what embed.js frames) and what it loads, and embed.html
//                     (the same frame at the address older snippets use, ?frame=1), each with the data
//                     files: <= 150,000 (EMBED_FRAME_BYTES)
//   embed.js          the script partner pages load: <= 3,000 (EMBED_SCRIPT_BYTES)
//
// What a page loads is read from its HTML, as the browser would: the loader's dynamic import("…")
// and its module_or_path, <script src>, stylesheets, icons and preloads (resolved against the page's
// <base href>), then the JavaScript's own imports (wasm-bindgen's glue imports snippets/…).
//
// The journey's assumption, printed with it: the first page is a full load; every later page is an
// in-app navigation by the router (one application: no new HTML, JS, wasm or CSS), and the app
// fetches the data files once per full load, so later pages add nothing. Edit JOURNEY below if the
// app ever fetches something on a navigation.
//
// Usage: node tests/tools/size.mjs [siteDir]      (default dist)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const budget = (name, fallback) => {
  const n = Number(process.env[name] || fallback);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`size: invalid ${name}=${process.env[name]}`);
    process.exit(2);
  }
  return n;
};
const APP_TARGET = budget('APP_TARGET_BYTES', 250_000);
const APP_CEILING = budget('APP_CEILING_BYTES', 280_000);
const EMBED_FRAME = budget('EMBED_FRAME_BYTES', 150_000);
const EMBED_SCRIPT = budget('EMBED_SCRIPT_BYTES', 3_000);

const LANGUAGES = [['en', ''], ['fr', 'fr/'], ['es', 'es/']];
/** The form's steps, in order (README's URL contract). */
const STEPS = ['about-you', 'organisation', 'motivation', 'registration', 'declarations'];
/** Fetched by every entry once it has started (shell/boot.rs: check_data). */
const DATA_AFTER_LOAD = ['edition.json', 'config.json'];
/**
 * Fetched by the application (not the frame, whose pages carry them) once it has started
 * (shell/boot.rs: fetch_rest): the country list and the catalogue of the page's language.
 */
const COUNTRIES = 'data/countries.json';
const appData = (page) => {
  const [lang] = LANGUAGES.find(([, folder]) => folder && page.startsWith(folder)) ?? LANGUAGES[0];
  return [COUNTRIES, `i18n/${lang}.json`];
};
/** Every data file of the site: the entries' and the application's, in each language. */
const DATA_FILES = [...DATA_AFTER_LOAD, COUNTRIES, ...LANGUAGES.map(([lang]) => `i18n/${lang}.json`)];
const isData = (f) => DATA_FILES.includes(f);
/** The journey: a route, and whether the browser loads it in full or the router shows it in the app. */
const JOURNEY = [
  { route: '/', load: 'full' },
  { route: '/estimate', load: 'in-app' },
  { route: '/apply', load: 'in-app' },
  ...STEPS.map((s) => ({ route: `/apply/${s}`, load: 'in-app' })),
  { route: '/apply/check', load: 'in-app' },
  { route: '/apply/done', load: 'in-app' },
];
const APP_ROUTES = ['/', '/estimate', '/refund', '/apply', ...STEPS.map((s) => `/apply/${s}`), '/apply/check', '/apply/done', '/404'];
const EMBED_ROUTES = ['/embed', '/embed/estimate'];
const EMBED_SCRIPT_FILE = 'embed.js';

const site = resolve(process.argv[2] || 'dist');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`size: ${site}/index.html not found: run \`make build\` first`);
  process.exit(2);
}

const problems = [];
const warnings = [];

// ---------------------------------------------------------------------------------------------
// Sizes

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(join(site, file));
    sizes.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length,
    });
  }
  return sizes.get(file);
}
const isFile = (f) => {
  try {
    return statSync(join(site, f)).isFile();
  } catch {
    return false;
  }
};

/** The page file of a route in a language folder ('' or 'fr/'). */
const pageFile = (folder, route) =>
  route === '/' ? `${folder}index.html` : route === '/404' ? `${folder}404.html` : `${folder}${route.slice(1)}/index.html`;

// ---------------------------------------------------------------------------------------------
// What a page loads

function attribute(attrs, name) {
  const m = attrs.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/** A URL of a page, resolved against its base path, as a file of the site; null when external. */
function siteFile(url, basePath, from) {
  if (/^(data|blob|about):/i.test(url)) return null;
  const path = new URL(url, `http://site.invalid${basePath}`);
  if (path.origin !== 'http://site.invalid') {
    problems.push(`${from} loads ${url}, which is not on this site`);
    return null;
  }
  if (!path.pathname.startsWith(basePath)) {
    problems.push(`${from} loads ${url}, outside its base path ${basePath}`);
    return null;
  }
  return decodeURIComponent(path.pathname.slice(basePath.length));
}

const LOADED_LINKS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'modulepreload', 'preload', 'manifest']);

/** The files the HTML page `file` makes the browser download (itself excluded), sorted. */
function pageAssets(file) {
  const html = readFileSync(join(site, file), 'utf8');
  const baseTag = html.match(/<base\b([^>]*)>/i);
  const basePath = new URL((baseTag && attribute(baseTag[1], 'href')) || '/', 'http://site.invalid/').pathname;
  const found = new Set();
  const add = (url) => {
    const f = siteFile(url, basePath, file);
    if (f === null) return;
    if (!isFile(f)) problems.push(`${file} loads ${url}, which is not in the site (${f})`);
    else found.add(f);
  };
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rels = (attribute(m[1], 'rel') || '').toLowerCase().split(/\s+/);
    const href = attribute(m[1], 'href');
    if (href && rels.some((r) => LOADED_LINKS.has(r))) add(href);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = attribute(m[1], 'src');
    if (src) {
      add(src);
      continue;
    }
    const type = (attribute(m[1], 'type') || '').toLowerCase();
    if (type !== 'module' && type !== '' && !type.includes('javascript')) continue; // data blocks
    for (const i of m[2].matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)|\bfrom\s*["'`]([^"'`]+)["'`]|\bmodule_or_path\s*:\s*["'`]([^"'`]+)["'`]/g)) {
      add(i[1] ?? i[2] ?? i[3]);
    }
  }
  // The JavaScript's own imports (static and dynamic), relative to each module.
  const queue = [...found].filter((f) => /\.m?js$/.test(f));
  while (queue.length) {
    const js = queue.shift();
    const text = readFileSync(join(site, js), 'utf8');
    for (const i of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      const target = posix.normalize(posix.join(posix.dirname(js), i[1]));
      if (found.has(target)) continue;
      if (!isFile(target)) {
        problems.push(`${js} imports ${i[1]}, which is not in the site`);
        continue;
      }
      found.add(target);
      if (/\.m?js$/.test(target)) queue.push(target);
    }
  }
  return [...found].sort();
}

/** Everything a full load of `page` downloads: the page, what it loads, the data fetched after load. */
function fullLoad(page) {
  if (!isFile(page)) {
    problems.push(`${page} is not in the site: run \`make build\``);
    return { page, files: [], total: 0 };
  }
  const carriesAll = readFileSync(join(site, page), 'utf8').includes('id="md-texts"');
  const data = [...DATA_AFTER_LOAD, ...(carriesAll ? [] : appData(page))].filter((f) => {
    if (!isFile(f)) problems.push(`${f} is not in the site (the app fetches it after load)`);
    return isFile(f);
  });
  const files = [page, ...pageAssets(page), ...data];
  return { page, files, total: files.reduce((a, f) => a + size(f).brotli, 0) };
}

const kind = (f) => {
  if (f.endsWith('.html')) return 'html';
  if (isData(f)) return 'data';
  if (f.startsWith('snippets/')) return 'snippets';
  const ext = extname(f).slice(1);
  return ['js', 'mjs'].includes(ext) ? 'js' : ['wasm', 'css'].includes(ext) ? ext : 'other';
};
const KINDS = ['html', 'js', 'snippets', 'wasm', 'css', 'other', 'data'];

// ---------------------------------------------------------------------------------------------
// Printing

const fmt = (n) => n.toLocaleString('en-US');
const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
const shown = relative(process.cwd(), site);
console.log(`Size report for ${shown && !shown.startsWith('..') ? shown : site} (bytes; brotli quality 11 unless said)`);

function check(label, used, limit, { warnOnly = false } = {}) {
  const pct = ((used / limit) * 100).toFixed(1);
  const verdict = used <= limit ? `OK, headroom ${fmt(limit - used)}` : `${warnOnly ? 'over the target' : 'OVER'} by ${fmt(used - limit)}`;
  console.log(`  ${pad(label, 68)} ${num(fmt(used), 9)} / ${num(fmt(limit), 9)}  ${num(pct, 5)}%  ${verdict}`);
  if (used > limit) (warnOnly ? warnings : problems).push(`${label}: ${fmt(used)} > ${fmt(limit)}`);
}

// 1. Every page's HTML, per language.
console.log('\nPages: the HTML of each page (brotli), per language');
console.log(`  ${pad('route', 24)} ${num('en', 8)} ${num('fr', 8)} ${num('es', 8)}   file`);
for (const route of [...APP_ROUTES, ...EMBED_ROUTES]) {
  const cells = LANGUAGES.map(([, folder]) => {
    const f = pageFile(folder, route);
    if (!isFile(f)) {
      problems.push(`${f} is missing (route ${route})`);
      return '—';
    }
    return fmt(size(f).brotli);
  });
  console.log(`  ${pad(route, 24)} ${cells.map((c) => num(c, 8)).join(' ')}   ${pageFile('', route)}`);
}
if (isFile('embed.html')) console.log(`  ${pad('embed.html (framed)', 24)} ${LANGUAGES.map(([, f]) => num(isFile(`${f}embed.html`) ? fmt(size(`${f}embed.html`).brotli) : '—', 8)).join(' ')}   embed.html`);

// 2. The files the application loads.
const landing = fullLoad('index.html');
console.log('\nWhat the application loads on a full load of / (besides the page itself)');
console.log(`  ${pad('file', 58)} ${num('raw', 10)} ${num('gzip', 9)} ${num('brotli', 9)}  kind`);
for (const f of landing.files.slice(1)) {
  const s = size(f);
  console.log(`  ${pad(f, 58)} ${num(fmt(s.raw), 10)} ${num(fmt(s.gzip), 9)} ${num(fmt(s.brotli), 9)}  ${kind(f)}`);
}

// 3. The journey, in each language.
const journeys = LANGUAGES.map(([lang, folder]) => {
  let total = 0;
  const seen = new Set();
  const rows = JOURNEY.map((step) => {
    const page = pageFile(folder, step.route);
    if (!isFile(page)) problems.push(`${page} is missing (journey step ${step.route})`);
    const files = step.load === 'full' ? fullLoad(page).files : [];
    const fresh = files.filter((f) => !seen.has(f));
    fresh.forEach((f) => seen.add(f));
    const byKind = Object.fromEntries(KINDS.map((k) => [k, fresh.filter((f) => kind(f) === k).reduce((a, f) => a + size(f).brotli, 0)]));
    const bytes = fresh.reduce((a, f) => a + size(f).brotli, 0);
    total += bytes;
    return { ...step, page, byKind, bytes, total };
  });
  return { lang, rows, total };
});
const en = journeys[0];
console.log(`\nThe journey (${en.lang}): the bytes a person downloads from / to /apply/done (brotli)`);
console.log(`  ${pad('step', 24)} ${pad('load', 7)} ${KINDS.map((k) => num(k, 8)).join(' ')} ${num('step', 8)} ${num('so far', 8)}`);
for (const r of en.rows) {
  console.log(`  ${pad(r.route, 24)} ${pad(r.load, 7)} ${KINDS.map((k) => num(fmt(r.byKind[k]), 8)).join(' ')} ${num(fmt(r.bytes), 8)} ${num(fmt(r.total), 8)}`);
}
console.log('  Assumption: the first page is a full load (its HTML, then what it loads, then the data files the app');
console.log(`  fetches once it has started: ${DATA_AFTER_LOAD.join(', ')}, data/countries.json, i18n/<lang>.json); every later page is an in-app navigation by the`);
console.log('  router in the same application (no HTML, no new JS, wasm or CSS; the data files are fetched once per');
console.log('  full load), so it adds nothing. Sending the application uploads; it downloads only the short answer.');
console.log(`  The same journey in ${journeys.slice(1).map((j) => `${j.lang}: ${fmt(j.total)}`).join(', ')}.`);

// 4. A first visit to any page of the application.
const landings = LANGUAGES.flatMap(([, folder]) => APP_ROUTES.map((r) => pageFile(folder, r)).filter(isFile).map(fullLoad));
const worst = landings.reduce((a, b) => (b.total > a.total ? b : a), { total: 0, page: '—' });

// 5. The embed.
const frames = LANGUAGES.flatMap(([, folder]) => [`${folder}embed/estimate/index.html`, `${folder}embed.html`]).map(fullLoad);
console.log('\nThe embed frame: the page and what it loads, with the data files (brotli)');
for (const f of frames) console.log(`  ${pad(f.page, 40)} ${num(fmt(f.total), 9)}  (${f.files.length} files)`);
const appFiles = new Set(landing.files);
const frameOnly = frames[0].files.filter((f) => !appFiles.has(f) && !f.endsWith('.html'));
if (frameOnly.length) console.log(`  its own files: ${frameOnly.join(', ')}`);
if (frames[0].files.some((f) => /\.wasm$/.test(f) && appFiles.has(f))) {
  problems.push('the embed frame loads the application\'s WebAssembly: partner pages must not load the form');
}

// 6. Budgets.
console.log('\nBudgets (brotli bytes)');
const longest = journeys.reduce((a, b) => (b.total > a.total ? b : a));
check(`application: the journey (${longest.lang}), target`, longest.total, APP_TARGET, { warnOnly: true });
check(`application: the journey (${longest.lang}), ceiling`, longest.total, APP_CEILING);
check(`application: first visit, largest (${worst.page})`, worst.total, APP_CEILING);
const largest = (list) => list.reduce((a, b) => (b.total > a.total ? b : a));
const estimateFrame = largest(frames.filter((f) => f.page.endsWith('embed/estimate/index.html')));
const framedPage = largest(frames.filter((f) => f.page.endsWith('embed.html')));
check(`embed frame (${estimateFrame.page})`, estimateFrame.total, EMBED_FRAME);
check(`embed frame embed.js opens (${framedPage.page})`, framedPage.total, EMBED_FRAME);
if (isFile(EMBED_SCRIPT_FILE)) check(EMBED_SCRIPT_FILE, size(EMBED_SCRIPT_FILE).brotli, EMBED_SCRIPT);
else problems.push(`${EMBED_SCRIPT_FILE} is not in the site (public/ is copied by the build)`);

// Files of the site no page loads (neither entry, nor the data): listed, so leftovers show.
const loaded = new Set([...landings, ...frames].flatMap((l) => l.files));
const walk = (dir) => readdirSync(join(site, dir), { withFileTypes: true }).flatMap((e) => {
  if (e.name.startsWith('.')) return [];
  const rel = dir ? `${dir}/${e.name}` : e.name;
  return e.isDirectory() ? walk(rel) : [rel];
});
const unused = walk('').filter((f) => /\.(m?js|wasm|css)$/.test(f) && !loaded.has(f) && f !== EMBED_SCRIPT_FILE);
if (unused.length) console.log(`\nNot loaded by any page: ${unused.join(', ')}`);

for (const w of warnings) console.log(`size: warning: ${w}`);
if (problems.length) {
  console.log('');
  for (const p of [...new Set(problems)]) console.error(`size: ${p}`);
  console.error('size budgets: FAILED');
  process.exit(1);
}
console.log('size budgets: OK');
