#!/usr/bin/env node
// Writes dist/csp.json: the Content-Security-Policy of this build (`make build` runs it).
//
//   { "pages": "<policy for every page>", "embed": "<policy for embed.html>" }
//
// Scripts: 'self', 'wasm-unsafe-eval' (WebAssembly.instantiate) and the sha256 of each inline
// script the entries' HTML carries (the base-path script and trunk's module loader), so no
// 'unsafe-inline' is needed; the hashes change with each build, hence a file per build. Styles:
// 'self' only (the app sets styles through the CSSOM, never a style attribute). connect-src adds
// the submission endpoint's origin when config.json names an absolute one. embed.html may be framed
// by the origins of config.json's embed.allowed_origins; every other page by this site only.
//
// Usage: node tests/tools/csp.mjs [distDir]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] || 'dist');
const hashes = new Set();
for (const f of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(join(dist, f), 'utf8');
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
}
const config = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'));
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

const out = { pages: policy(["'self'"]), embed: policy(["'self'", ...partners]) };
writeFileSync(join(dist, 'csp.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`csp: ${hashes.size} inline script hashes; dist/csp.json written`);
