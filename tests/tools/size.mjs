#!/usr/bin/env node
// Size report and budgets for the release build (`make size`).
//
// Prints raw, gzip and brotli sizes of every file in dist/ that a browser loads, then one table per
// entry with its own budget:
//   app shell    index.html and the js/wasm/css it loads           brotli <= 150,000 (SIZE_BUDGET_BYTES)
//   embed entry  embed.html and the js/wasm/css it loads, + embed.js  brotli <= 150,000 (EMBED_ENTRY_BUDGET_BYTES)
//   apply entry  apply.html (the application form) and what it loads   brotli <= 150,000 (SIZE_BUDGET_BYTES)
//   send entry   send.html (sending and confirmation) and what it loads brotli <= 150,000 (SIZE_BUDGET_BYTES)
//   embed.js     the script partner pages load                      brotli <= 3,000 (EMBED_BUDGET_BYTES)
// An entry's files are read from its HTML (./name.js, ./name_bg.wasm, ./name.css) and from the
// relative imports of its JavaScript, so a file only the other entry loads is never counted.
// Data files (edition.json, data/*.csv) are listed but not budgeted. Fails (exit 1) when a budget is
// exceeded, an entry is missing or an entry refers to a file that is not in dist/.
//
// Usage: node tests/tools/size.mjs [distDir] [--budget BYTES] [--embed-budget BYTES]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
let distDir = 'dist';
let budget = Number(process.env.SIZE_BUDGET_BYTES || 150000);
let entryBudget = Number(process.env.EMBED_ENTRY_BUDGET_BYTES || 150000);
const scriptBudget = Number(process.env.EMBED_BUDGET_BYTES || 3000);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget') budget = Number(args[++i]);
  else if (args[i] === '--embed-budget') entryBudget = Number(args[++i]);
  else distDir = args[i];
}
distDir = resolve(distDir);
for (const b of [budget, entryBudget, scriptBudget]) {
  if (!Number.isFinite(b) || b <= 0) {
    console.error(`size: invalid budget ${b}`);
    process.exit(2);
  }
}

const APP_ENTRY = 'index.html';
const EMBED_ENTRY = 'embed.html';
// The application form and its sending page: separate entries, each with the app's budget.
const FORM_ENTRIES = [['apply entry', 'apply.html'], ['send entry', 'send.html']];
// The embed script is loaded by partner pages, not by the app.
const EMBED_SCRIPT = 'embed.js';
// Extensions a browser loads from this site (the others in dist/, e.g. data/README.md, are not shown).
const LOADED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.csv', '.svg', '.png', '.jpg',
  '.jpeg', '.webp', '.avif', '.gif', '.ico', '.woff', '.woff2', '.txt', '.webmanifest', '.xml']);

function walk(dir) {
  let out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .stage, .trunk-lock
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

let files;
try {
  if (!statSync(distDir).isDirectory()) throw new Error('not a directory');
  files = walk(distDir).filter((f) => LOADED.has(extname(f).toLowerCase()));
} catch (e) {
  console.error(`size: cannot read ${distDir} (${e.message}); run \`make build\` first`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`size: no browser-loaded files in ${distDir}; run \`make build\` first`);
  process.exit(2);
}

const rel = (f) => relative(distDir, f).split('\\').join('/');
const rows = new Map(
  files.sort().map((f) => {
    const buf = readFileSync(f);
    const row = {
      file: rel(f),
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
    };
    return [row.file, row];
  }),
);

const problems = [];

/** The files an entry loads: the HTML, the ./assets it names, and their JavaScript's relative imports. */
function entryFiles(html) {
  if (!rows.has(html)) {
    problems.push(`${html} is not in ${distDir}: run \`make build\``);
    return [];
  }
  const found = new Set([html]);
  const queue = [html];
  while (queue.length) {
    const file = queue.shift();
    const text = readFileSync(join(distDir, file), 'utf8');
    const refs = file.endsWith('.html')
      ? // trunk's HTML (minified, public_url "./"): href=./x.css, from"./x.js", module_or_path:`./x_bg.wasm`
        [...text.matchAll(/\.\/[\w.\-/]+\.(?:m?js|wasm|css)\b/g)].map((m) => m[0])
      : // wasm-bindgen's glue and its snippets: import … from './snippets/…', import('./…')
        [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]);
    for (const ref of refs) {
      const target = posix.normalize(posix.join(posix.dirname(file), ref));
      if (found.has(target)) continue;
      if (!existsSync(join(distDir, target))) {
        problems.push(`${file} refers to ${ref}, which is not in ${distDir}`);
        continue;
      }
      found.add(target);
      if (/\.m?js$/.test(target)) queue.push(target);
    }
  }
  return [...found].filter((f) => rows.has(f)).sort((a, b) => (a === html ? -1 : b === html ? 1 : a.localeCompare(b)));
}

const appFiles = entryFiles(APP_ENTRY);
const embedFiles = entryFiles(EMBED_ENTRY);
if (rows.has(EMBED_SCRIPT)) embedFiles.push(EMBED_SCRIPT);
else problems.push(`${EMBED_SCRIPT} is not in ${distDir} (public/ is copied by index.html's build)`);
const formFiles = FORM_ENTRIES.map(([, html]) => entryFiles(html));
const isData = (f) => /^(edition|config)\.json$/.test(f) || /^data\/.*\.csv$/.test(f) || /^i18n\/.*\.json$/.test(f);

const fmt = (n) => n.toLocaleString('en-US');
const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
const width = Math.max(34, ...[...rows.keys()].map((f) => f.length + 2));
const line = (name, raw, gz, br, note = '') =>
  `${name.padEnd(width)}  ${String(raw).padStart(11)}  ${String(gz).padStart(11)}  ${String(br).padStart(11)}${note ? `  ${note}` : ''}`;
const rule = '-'.repeat(width + 39);
const header = () => console.log(line('file', 'raw', 'gzip', 'brotli'));
const total = (name, list) => console.log(line(name, fmt(sum(list, 'raw')), fmt(sum(list, 'gzip')), fmt(sum(list, 'brotli'))));

function check(label, used, limit) {
  const pct = ((used / limit) * 100).toFixed(1);
  console.log(`Budget: ${label} brotli <= ${fmt(limit)} bytes; used ${fmt(used)} (${pct}%), ` +
    (used <= limit ? `headroom ${fmt(limit - used)}` : `OVER by ${fmt(used - limit)}`));
  if (used > limit) problems.push(`${label}: over budget by ${fmt(used - limit)} bytes`);
  else console.log(`${label} budget: OK`);
}

const shown = relative(process.cwd(), distDir);
const where = shown && !shown.startsWith('..') ? shown : distDir;
const all = [...rows.values()];
console.log(`Size report for ${where} (bytes)`);
header();
console.log(rule);
for (const r of all) {
  const tags = [appFiles.includes(r.file) && 'app', embedFiles.includes(r.file) && 'embed',
    formFiles[0].includes(r.file) && 'apply', formFiles[1].includes(r.file) && 'send', isData(r.file) && 'data']
    .filter(Boolean);
  console.log(line(r.file, fmt(r.raw), fmt(r.gzip), fmt(r.brotli), tags.join('+') || '(not loaded by an entry)'));
}
console.log(rule);
total('total (all files)', all);

const table = (title, list) => {
  console.log('');
  console.log(title);
  header();
  console.log(rule);
  for (const f of list) {
    const r = rows.get(f);
    console.log(line(`  ${f}`, fmt(r.raw), fmt(r.gzip), fmt(r.brotli)));
  }
  console.log(rule);
};

const app = appFiles.map((f) => rows.get(f));
table(`App shell: what ${APP_ENTRY} loads (html+js+wasm+css)`, appFiles);
total('app shell', app);
check('app shell', sum(app, 'brotli'), budget);

const embed = embedFiles.map((f) => rows.get(f));
table(`Embed entry: what ${EMBED_ENTRY} loads (html+js+wasm+css), and ${EMBED_SCRIPT} on partner pages`, embedFiles);
total('embed entry', embed);
check('embed entry', sum(embed, 'brotli'), entryBudget);
const script = rows.get(EMBED_SCRIPT);
if (script) check(EMBED_SCRIPT, script.brotli, scriptBudget);

FORM_ENTRIES.forEach(([label, html], i) => {
  const list = formFiles[i].map((f) => rows.get(f));
  table(`${label[0].toUpperCase()}${label.slice(1)}: what ${html} loads (html+js+wasm+css)`, formFiles[i]);
  total(label, list);
  check(label, sum(list, 'brotli'), budget);
});

const data = all.filter((r) => isData(r.file));
console.log('');
console.log(line(`data the entries fetch (${data.length} files, not budgeted; a page reads one catalogue)`, fmt(sum(data, 'raw')), fmt(sum(data, 'gzip')), fmt(sum(data, 'brotli'))));

if (problems.length) {
  console.log('');
  for (const p of problems) console.error(`size: ${p}`);
  console.error('size budget: FAILED');
  process.exit(1);
}
console.log('size budgets: OK');
