#!/usr/bin/env node
// Static test server for the release build (no dependencies).
//
// Serves the same build (dist/) at three places, like a real deployment would:
//   /            the site root
//   /diploma/    a sub-path deployment (one build must work in both)
//   /broken/     the sub-path deployment with a broken edition file:
//                /broken/edition.json is tests/e2e/fixtures/broken-edition.json
//   /quick/      the sub-path deployment with a 3-second submission timeout (fixtures/quick-config.json)
// With INTAKE_URL set (the reference receiver), <mount>/api/… is forwarded to it, through the
// faults a test asked for (see proxy()).
// with the form's routes (/apply, /apply/<step> -> apply.html; /apply/check, /apply/done ->
// send.html) and SPA fallback: a path whose last segment has no file extension and that is not a
// file is answered with that mount's index.html (so deep links such as /diploma/estimate?member=yes
// survive a reload). Missing files with an extension are 404.
//
// CLI:  node tests/e2e/server.mjs [--port N] [--host H] [--root DIR] [--plain]
//       PORT / HOST / DIST env vars work too. --plain serves DIR at / only (no /diploma/,
//       /broken/): use it for a second origin, e.g. a partner host page for embed tests:
//       node tests/e2e/server.mjs --port 4174 --root tests/e2e/fixtures/partner --plain
// API:  import { startServer } from './server.mjs'; const s = await startServer({ port: 0 });
//       s.url, s.port, await s.close()
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
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

/** The default layout: dist/ at /, /diploma/ and /broken/ (with the broken edition file). */
export function defaultMounts(root) {
  return [
    { prefix: '/diploma/', root },
    {
      prefix: '/broken/',
      root,
      overrides: { 'edition.json': join(HERE, 'fixtures', 'broken-edition.json') },
    },
    { prefix: '/quick/', root, overrides: { 'config.json': join(HERE, 'fixtures', 'quick-config.json') } },
    { prefix: '/', root },
  ];
}

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

// The build's Content-Security-Policy (dist/csp.json, written by `make build`), sent with every
// page so that a violation (a console error) fails the test that caused it. The embed page may also
// be framed by the partner origin of the embed tests, as a deployment listing it in config.json.
const PARTNER_ORIGIN = process.env.PARTNER_ORIGIN || 'http://127.0.0.1:4174';
function cspFor(root, filePath) {
  if (!filePath || !filePath.endsWith('.html')) return {};
  try {
    const csp = JSON.parse(readFileSync(join(root, 'csp.json'), 'utf8'));
    const embed = filePath.endsWith('embed.html');
    const policy = embed ? csp.embed.replace('frame-ancestors ', `frame-ancestors ${PARTNER_ORIGIN} `) : csp.pages;
    return { 'Content-Security-Policy': policy };
  } catch {
    return {};
  }
}

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

function send(res, req, status, type, filePath, extraHeaders = {}) {
  const headers = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...cspFor(dirname(filePath || '.'), filePath),
    ...extraHeaders,
  };
  const packed = filePath ? encode(filePath, type, req.headers['accept-encoding'] || '') : null;
  if (packed) {
    headers['Content-Encoding'] = packed.coding;
    headers['Vary'] = 'Accept-Encoding';
    headers['Content-Length'] = packed.body.length;
  } else if (filePath) headers['Content-Length'] = statSync(filePath).size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || !filePath) return res.end();
  if (packed) return res.end(packed.body);
  createReadStream(filePath).pipe(res);
}

function notFound(res, req, msg = 'Not found') {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : `${msg}\n`);
}

// The embed's and the form's pages and the file that serves each, as the README's server
// configuration maps them.
export function entryFor(rel) {
  if (/^embed(\/estimate)?\/?$/.test(rel)) return 'embed.html';
  if (/^apply\/(check|done)\/?$/.test(rel)) return 'send.html';
  if (/^apply(\/[a-z-]+)?\/?$/.test(rel)) return 'apply.html';
  return null;
}

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
      const upstream = await fetch(`${intake}/${rel}${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`, {
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

export function handler(mounts, { log = false, intake = process.env.INTAKE_URL } = {}) {
  return (req, res) => {
    if (intake && req.url === '/__faults' && req.method === 'POST') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const { key, faults: list } = JSON.parse(Buffer.concat(chunks).toString() || '{}');
        faults.set(key, [...(list || [])]);
        res.writeHead(204);
        res.end();
      });
      return;
    }
    if (intake) {
      const path = new URL(req.url, 'http://x').pathname;
      const mount = mounts.find((m) => path.startsWith(m.prefix));
      const rel = mount ? path.slice(mount.prefix.length) : '';
      if (rel.startsWith('api/')) return proxy(req, res, intake, rel);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return notFound(res, req, 'Bad request');
    }
    if (log) console.log(`${req.method} ${req.url}`);
    if (pathname.includes('\0')) return notFound(res, req);

    // /diploma -> /diploma/ (keep the query)
    for (const m of mounts) {
      if (m.prefix !== '/' && pathname === m.prefix.slice(0, -1)) {
        const q = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        res.writeHead(301, { Location: m.prefix + q });
        return res.end();
      }
    }
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return notFound(res, req);

    const rel = pathname.slice(mount.prefix.length);
    const root = resolve(mount.root);
    if (mount.overrides && Object.hasOwn(mount.overrides, rel)) {
      const file = mount.overrides[rel];
      if (!isFile(file)) return notFound(res, req, `Fixture missing: ${file}`);
      return send(res, req, 200, CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream', file);
    }
    const target = normalize(join(root, rel));
    if (target !== root && !target.startsWith(root + sep)) return notFound(res, req);

    let file = target;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (isFile(file)) {
      const type = CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
      return send(res, req, 200, type, file);
    }
    // The form's pages: apply.html and send.html, as the README's server configuration says.
    const entry = entryFor(rel);
    if (entry && isFile(join(root, entry))) return send(res, req, 200, CONTENT_TYPES['.html'], join(root, entry));
    // SPA fallback: the last segment has no extension -> the mount's index.html.
    const last = rel.split('/').pop() || '';
    if (!extname(last)) {
      const index = join(root, 'index.html');
      if (isFile(index)) return send(res, req, 200, CONTENT_TYPES['.html'], index);
    }
    return notFound(res, req);
  };
}

/**
 * Start a server. Options: port (0 = any free port), host, root (directory, default dist/),
 * mounts (default: defaultMounts(root); plain: true serves root at / only), log, tls ({ key,
 * cert }: HTTPS with HTTP/2, as a deployment serves the site; HTTP/1.1 when absent).
 */
export function startServer({ port = 0, host = '127.0.0.1', root, mounts, plain = false, log = false, tls } = {}) {
  const dir = resolve(root || process.env.DIST || join(REPO, 'dist'));
  const layout = mounts || (plain ? [{ prefix: '/', root: dir }] : defaultMounts(dir));
  const serve = handler(layout, { log });
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, serve) : createServer(serve);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `${tls ? 'https' : 'http'}://${host}:${actual}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = Number(opt('--port') ?? process.env.PORT ?? (argv[0] && /^\d+$/.test(argv[0]) ? argv[0] : 4173));
  const host = opt('--host') ?? process.env.HOST ?? '127.0.0.1';
  const root = opt('--root') ?? process.env.DIST;
  const plain = argv.includes('--plain');
  const log = argv.includes('--log') || process.env.SERVER_LOG === '1';
  const dir = resolve(root || join(REPO, 'dist'));
  if (!existsSync(join(dir, 'index.html')) && !plain) {
    console.error(`server: ${dir}/index.html not found; run \`make build\` first`);
    process.exit(1);
  }
  const s = await startServer({ port, host, root: dir, plain, log });
  console.log(`Serving ${dir} at ${s.url}/${plain ? '' : ` (also ${s.url}/diploma/ and ${s.url}/broken/)`}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
