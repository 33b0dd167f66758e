#!/usr/bin/env node
// Static server for built sites (no dependencies): the e2e tests, `make serve`, `make preview` and
// `make bench` use it.
//
// It serves one built site per mount prefix, the way the README's nginx example serves a deployment
// (each site was rendered for its prefix: config.json's site.base_path equals the prefix):
//   1. the file itself (/favicon.svg, /fr/estimate/index.html);
//   2. else <path>/index.html (/estimate and /estimate/ -> estimate/index.html);
//   3. else, when the last segment has a file extension, a plain 404 (a missing script is never a page);
//   4. else the language's not-found page with status 404: fr/404.html under /fr/, es/404.html under
//      /es/, 404.html elsewhere.
// With --spa-fallback-only it is a bare SPA host instead: an existing file, else the mount's
// index.html with status 200, for every other path (the test "a server with only an SPA fallback
// serves everything").
//
// Content-Security-Policy: every HTML answer carries the policy the site's own csp.json gives its
// file (tests/tools/csp.mjs writes it: "pages" for every page, "embed" for the files it lists in
// "embed_pages"); the server never builds or edits a policy. It fails closed: when csp.json is
// missing, unreadable or incomplete, HTML is refused with a 500 that says why. A mount of a foreign
// site (the partner page fixture) opts out explicitly with `csp: false` (--no-csp).
// Each HTML answer also names the file it came from in `X-E2E-File` (relative to the site), so the
// tests can check the policy against csp.json for that file.
//
// <prefix>api/… is forwarded to the mount's receiver (`api`, or INTAKE_URL for every mount), through
// the faults a test asked for (POST /__faults, see proxy()). Compressed copies (brotli, else gzip)
// are made once per file, as a deployment serving precompressed files would; HTTPS with HTTP/2 when
// `tls` is given (make bench).
//
// CLI:  node tests/e2e/server.mjs [--port N] [--host H] [--root DIR] [--mount PREFIX=DIR]...
//                                 [--api PREFIX=URL]... [--spa-fallback-only] [--no-csp] [--log]
//       Without --mount, DIR (--root, DIST, default dist/) is served at /. PORT/HOST env work too.
//       e.g. the partner page of the embed tests, a foreign site without a policy:
//       node tests/e2e/server.mjs --port 4174 --root tests/e2e/fixtures/partner --no-csp
// API:  import { startServer } from './server.mjs';
//       const s = await startServer({ port: 0, mounts: [{ prefix: '/open/', root, api }] });
//       s.url, s.port, await s.close()
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

/** The languages whose pages live under their own folder (English is at the site's root). */
const LANGUAGE_FOLDERS = ['fr', 'es'];

function stat(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
const isFile = (p) => stat(p)?.isFile() ?? false;

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy, from the site's csp.json only.

const policies = new Map(); // root -> { mtimeMs, value }

/**
 * The policies of the site in `root` from its csp.json: { pages, embed, embedPages: Set }, or
 * { error } saying why there is none. Read again when the file changes.
 */
export function sitePolicies(root) {
  const file = join(root, 'csp.json');
  const s = stat(file);
  if (!s) return { error: `${file} is missing (tests/tools/csp.mjs writes it)` };
  const cached = policies.get(root);
  if (cached && cached.mtimeMs === s.mtimeMs) return cached.value;
  let value;
  try {
    const csp = JSON.parse(readFileSync(file, 'utf8'));
    const ok = (p) => typeof p === 'string' && p.trim() !== '';
    if (!ok(csp.pages) || !ok(csp.embed)) throw new Error('"pages" and "embed" must be non-empty strings');
    if (!Array.isArray(csp.embed_pages)) throw new Error('"embed_pages" must list the embed\'s files');
    value = { pages: csp.pages, embed: csp.embed, embedPages: new Set(csp.embed_pages) };
  } catch (e) {
    value = { error: `${file} cannot be used: ${e.message}` };
  }
  policies.set(root, { mtimeMs: s.mtimeMs, value });
  return value;
}

// ---------------------------------------------------------------------------------------------
// Compression

// Compressed copies (brotli, else gzip), as a deployment serves them: by path and modification time.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript|manifest\+json|xml)|image\/svg)/;
const compressed = new Map();
function encode(filePath, type, accept) {
  const coding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!coding || !COMPRESSIBLE.test(type)) return null;
  const key = `${coding}:${filePath}:${statSync(filePath).mtimeMs}`;
  if (!compressed.has(key)) {
    const raw = readFileSync(filePath);
    compressed.set(key, coding === 'br'
      ? brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(raw, { level: 9 }));
  }
  return { coding, body: compressed.get(key) };
}

/**
 * Compresses every file under `dir` now rather than on its first request, as a deployment that
 * serves precompressed files would: `make bench` calls it so that no measured load waits for
 * brotli at quality 11.
 */
export function precompress(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const type = CONTENT_TYPES[extname(file).toLowerCase()];
    if (type) encode(file, type, 'br');
  }
}

// ---------------------------------------------------------------------------------------------
// Answers

function plain(res, req, status, msg, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(req.method === 'HEAD' ? undefined : `${msg}\n`);
}

/** Sends a file of a mount's site with `status`. */
function sendFile(res, req, status, mount, filePath) {
  const type = CONTENT_TYPES[extname(filePath).toLowerCase()] || 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html') && mount.csp !== false) {
    const rel = relative(mount.root, filePath).split(sep).join('/');
    const site = sitePolicies(mount.root);
    if (site.error) {
      return plain(res, req, 500, `e2e server: refusing to serve ${rel} without its Content-Security-Policy: ${site.error}`);
    }
    headers['Content-Security-Policy'] = site.embedPages.has(rel) ? site.embed : site.pages;
    headers['X-E2E-File'] = rel;
  }
  const packed = encode(filePath, type, req.headers['accept-encoding'] || '');
  if (packed) {
    headers['Content-Encoding'] = packed.coding;
    headers['Vary'] = 'Accept-Encoding';
    headers['Content-Length'] = packed.body.length;
  } else headers['Content-Length'] = statSync(filePath).size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return res.end();
  if (packed) return res.end(packed.body);
  createReadStream(filePath).pipe(res);
}

// ---------------------------------------------------------------------------------------------
// The receiver, through injected faults

// Faults the tests inject between the browser and the receiver, per idempotency key:
// POST /__faults {"key": "…", "faults": ["500", "429:2", "drop", "drop-after-store", "hang",
//                                       {"status": 422, "body": {…}}]}
// Each POST to …/api/applications with that Idempotency-Key takes the next fault; none left: forwarded.
const faults = new Map();
const hanging = new Set();

function proxy(req, res, intake, rel) {
  const key = req.headers['idempotency-key'] || '';
  const queue = faults.get(key) || [];
  const fault = req.method === 'POST' ? queue.shift() : undefined;
  const reply = (status, headers = {}, body = '') => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };
  if (fault && typeof fault === 'object') {
    return reply(fault.status, fault.headers || {}, JSON.stringify(fault.body ?? {}));
  }
  if (fault === 'drop') return req.socket.destroy();
  if (fault === 'hang') return hanging.add(res);
  if (fault && /^\d{3}(:\d+)?$/.test(fault)) {
    const [status, after] = fault.split(':');
    return reply(Number(status), after ? { 'Retry-After': after } : {}, '{"errors":[]}');
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const headers = {};
      for (const h of ['content-type', 'idempotency-key', 'authorization', 'accept']) {
        if (req.headers[h]) headers[h] = req.headers[h];
      }
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const upstream = await fetch(`${intake.replace(/\/+$/, '')}/${rel}${query}`, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      // The receiver has stored the application; the browser never hears of it.
      if (fault === 'drop-after-store') return req.socket.destroy();
      const out = { 'Content-Type': upstream.headers.get('content-type') || 'application/json', 'Cache-Control': 'no-store' };
      if (upstream.headers.get('retry-after')) out['Retry-After'] = upstream.headers.get('retry-after');
      res.writeHead(upstream.status, out);
      res.end(body);
    } catch (e) {
      reply(502, {}, JSON.stringify({ errors: [{ field: 'body', code: 'bad_gateway', message: String(e) }] }));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Routing

/** The not-found page of the language of `rel` (a path inside a site), or null. */
function notFoundPage(root, rel) {
  const first = rel.split('/')[0];
  const candidates = LANGUAGE_FOLDERS.includes(first) ? [join(root, first, '404.html'), join(root, '404.html')] : [join(root, '404.html')];
  return candidates.find(isFile) ?? null;
}

/**
 * The request handler for `mounts` ([{ prefix: '/open/', root, api?, csp? }], the longest prefix
 * wins). Options: log, spaFallbackOnly, intake (the receiver of mounts without their own `api`).
 */
export function handler(mounts, { log = false, spaFallbackOnly = false, intake = process.env.INTAKE_URL } = {}) {
  const layout = [...mounts]
    .map((m) => ({ ...m, root: resolve(m.root), prefix: m.prefix.endsWith('/') ? m.prefix : `${m.prefix}/` }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res) => {
    if (log) console.log(`${req.method} ${req.url}`);
    if (req.url === '/__faults' && req.method === 'POST') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        try {
          const { key, faults: list } = JSON.parse(Buffer.concat(chunks).toString() || '{}');
          faults.set(key, [...(list || [])]);
          res.writeHead(204);
          res.end();
        } catch (e) {
          plain(res, req, 400, `__faults: ${e.message}`);
        }
      });
      return;
    }
    // The path as nginx sees it (merge_slashes on): `//evil.example/estimate` is the path
    // /evil.example/estimate of this site, never another host.
    let pathname;
    try {
      pathname = decodeURIComponent(req.url.split(/[?#]/)[0].replace(/\/{2,}/g, '/'));
      if (!pathname.startsWith('/')) throw new Error('not a path');
    } catch {
      return plain(res, req, 400, 'Bad request');
    }
    if (pathname.includes('\0')) return plain(res, req, 400, 'Bad request');

    // /diploma -> /diploma/ (keep the query)
    for (const m of layout) {
      if (m.prefix !== '/' && pathname === m.prefix.slice(0, -1)) {
        const q = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        res.writeHead(301, { Location: m.prefix + q });
        return res.end();
      }
    }
    const mount = layout.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return plain(res, req, 404, 'Not found');
    const rel = pathname.slice(mount.prefix.length);

    if (rel.startsWith('api/')) {
      const api = mount.api ?? intake;
      if (!api) {
        res.writeHead(502, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return res.end(JSON.stringify({ errors: [{ field: 'body', code: 'bad_gateway', message: `no receiver for ${mount.prefix}` }] }));
      }
      return proxy(req, res, api, rel);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }

    const root = mount.root;
    const target = normalize(join(root, rel));
    if (target !== root && !target.startsWith(root + sep)) return plain(res, req, 404, 'Not found');

    if (isFile(target)) return sendFile(res, req, 200, mount, target);
    if (spaFallbackOnly) {
      const index = join(root, 'index.html');
      return isFile(index) ? sendFile(res, req, 200, mount, index) : plain(res, req, 404, 'Not found');
    }
    const index = join(target, 'index.html');
    if (stat(target)?.isDirectory() && isFile(index)) return sendFile(res, req, 200, mount, index);
    const last = rel.split('/').pop() || '';
    if (extname(last)) return plain(res, req, 404, 'Not found');
    const page = notFoundPage(root, rel);
    return page ? sendFile(res, req, 404, mount, page) : plain(res, req, 404, 'Not found');
  };
}

/**
 * Starts a server. Options: port (0 = any free port), host, root (served at / when `mounts` is not
 * given; default DIST or dist/), mounts ([{ prefix, root, api?, csp? }]), spaFallbackOnly, log,
 * intake (receiver URL for mounts without `api`; default INTAKE_URL), tls ({ key, cert }: HTTPS with
 * HTTP/2 as a deployment serves the site; HTTP/1.1 when absent).
 */
export function startServer({ port = 0, host = '127.0.0.1', root, mounts, spaFallbackOnly = false, log = false, intake, tls } = {}) {
  const layout = mounts || [{ prefix: '/', root: resolve(root || process.env.DIST || join(REPO, 'dist')) }];
  const serve = handler(layout, { log, spaFallbackOnly, ...(intake !== undefined ? { intake } : {}) });
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, serve) : createServer(serve);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `${tls ? 'https' : 'http'}://${host}:${actual}`,
        close: () => new Promise((r) => {
          for (const res of hanging) res.destroy?.();
          hanging.clear();
          server.close(() => r());
          server.closeAllConnections?.();
        }),
      });
    });
  });
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const argv = process.argv.slice(2);
  const values = (name) => argv.flatMap((a, i) => (a === name && i + 1 < argv.length ? [argv[i + 1]] : []));
  const opt = (name) => values(name).at(-1);
  const pairs = (name) => values(name).map((v) => {
    const at = v.indexOf('=');
    if (at <= 0) {
      console.error(`server: ${name} wants PREFIX=VALUE, got ${v}`);
      process.exit(2);
    }
    return [v.slice(0, at), v.slice(at + 1)];
  });
  const port = Number(opt('--port') ?? process.env.PORT ?? 4173);
  const host = opt('--host') ?? process.env.HOST ?? '127.0.0.1';
  const csp = !argv.includes('--no-csp');
  const spaFallbackOnly = argv.includes('--spa-fallback-only');
  const log = argv.includes('--log') || process.env.SERVER_LOG === '1';
  const apis = new Map(pairs('--api').map(([p, url]) => [p.endsWith('/') ? p : `${p}/`, url]));
  let mounts = pairs('--mount').map(([prefix, dir]) => ({ prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, root: resolve(dir) }));
  if (mounts.length === 0) mounts = [{ prefix: '/', root: resolve(opt('--root') ?? process.env.DIST ?? join(REPO, 'dist')) }];
  for (const m of mounts) {
    m.csp = csp;
    if (apis.has(m.prefix)) m.api = apis.get(m.prefix);
    if (!isFile(join(m.root, 'index.html'))) {
      console.error(`server: ${m.root}/index.html not found (run \`make build\`, or tests/e2e/sites.mjs for the e2e sites)`);
      process.exit(1);
    }
    if (csp && sitePolicies(m.root).error) {
      console.error(`server: warning: ${sitePolicies(m.root).error}; its pages will be refused (500)`);
    }
  }
  for (const p of apis.keys()) {
    if (!mounts.some((m) => m.prefix === p)) {
      console.error(`server: --api ${p}: no such mount`);
      process.exit(2);
    }
  }
  const s = await startServer({ port, host, mounts, spaFallbackOnly, log });
  const mode = spaFallbackOnly ? ' (SPA fallback only)' : '';
  const where = (dir) => {
    const r = relative(process.cwd(), dir);
    return r && !r.startsWith('..') ? r : dir;
  };
  console.log(`Serving${mode} at ${s.url}: ${mounts.map((m) => `${m.prefix} -> ${where(m.root)}${m.api ? ` (api: ${m.api})` : ''}`).join(', ')}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
