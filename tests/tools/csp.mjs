#!/usr/bin/env node
// Writes <site>/csp.json: the Content-Security-Policy of this built site (`make pages` runs it after
// the prerender; tests/e2e/sites.mjs runs it for every e2e site).
//
//   { "pages": "<policy for every page>",
//     "embed": "<policy for the embed's pages>",
//     "embed_pages": ["embed.html", "embed/index.html", "embed/estimate/index.html", "fr/embed.html", …] }
//
// Scripts: 'self', 'wasm-unsafe-eval' (WebAssembly.instantiate) and the sha256 of each executable
// inline script of every page of the site, in every folder (the head script and the loader), so no
// 'unsafe-inline' is needed. Data blocks (`<script type="application/json" id="site-data">` and any
// other non-JavaScript type) are not executed, so they are not hashed: the policy does not change
// with the data. The hashes change with each build, hence a file per build. Styles: 'self' only
// (the app sets styles through the CSSOM, never a style attribute). connect-src adds the submission
// endpoint's origin when config.json names an absolute one. The embed's pages (the partner page and
// the frame, embed.html and embed/…, in each language: "embed_pages") may be framed by the origins of
// config.json's embed.allowed_origins; every other page by this site only.
//
// Usage: node tests/tools/csp.mjs [siteDir]     (default dist)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const site = resolve(process.argv[2] || 'dist');

/** Every .html file of the site, relative, in every folder except hidden ones (.templates, .stage). */
function pages(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pages(p));
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(relative(site, p).split(sep).join('/'));
  }
  return out.sort();
}

// The types a browser executes as script (HTML's "JavaScript MIME type essence matches", module, and
// import maps, which script-src also governs); everything else is a data block.
const JS_TYPES = new Set(['', 'module', 'importmap', 'text/javascript', 'application/javascript',
  'application/ecmascript', 'application/x-ecmascript', 'application/x-javascript', 'text/ecmascript',
  'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3',
  'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript', 'text/x-ecmascript',
  'text/x-javascript']);

/** The value of attribute `name` in a start tag's attribute text (quoted or not), or null. */
function attribute(attrs, name) {
  const m = attrs.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}
const hasAttribute = (attrs, name) => new RegExp(`(?:^|\\s)${name}(?:\\s*=|\\s|$)`, 'i').test(attrs);

const files = pages(site);
if (files.length === 0) {
  console.error(`csp: no pages in ${site}: build the site first`);
  process.exit(2);
}
const hashes = new Set();
let skipped = 0;
for (const f of files) {
  const html = readFileSync(join(site, f), 'utf8');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attrs, body] = m;
    if (hasAttribute(attrs, 'src')) continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) {
      skipped++;
      continue;
    }
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
}
const config = JSON.parse(readFileSync(join(site, 'config.json'), 'utf8'));
const endpoint = config?.submission?.endpoint || '';
const connect = ["'self'"];
if (/^https?:\/\//.test(endpoint)) connect.push(new URL(endpoint).origin);
const partners = config?.embed?.allowed_origins || [];

const policy = (ancestors) => [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort().join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src ${connect.join(' ')}`,
  "frame-src 'self'",
  `frame-ancestors ${ancestors.join(' ')}`,
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

// The frame in every language: embed/estimate/ (what embed.js frames) and embed.html (the address
// earlier versions of embed.js framed). The partner page (embed/) is a page of the site.
const embedPages = files.filter((f) => /^(?:(?:fr|es)\/)?embed(?:\.html|\/estimate\/index\.html)$/.test(f));
const out = { pages: policy(["'self'"]), embed: policy(["'self'", ...partners]), embed_pages: embedPages };
writeFileSync(join(site, 'csp.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`csp: ${files.length} pages, ${hashes.size} inline script hashes (${skipped} data blocks not hashed), ` +
  `${embedPages.length} embed pages; ${relative(process.cwd(), join(site, 'csp.json')) || 'csp.json'} written`);
