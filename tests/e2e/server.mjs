#!/usr/bin/env node
// Static test server for the release build (no dependencies).
//
// Serves the same build (dist/) at three places, like a real deployment would:
//   /            the site root
//   /diploma/    a sub-path deployment (one build must work in both)
//   /broken/     the sub-path deployment with a broken edition file:
//                /broken/edition.json is tests/e2e/fixtures/broken-edition.json
// with SPA fallback: a path whose last segment has no file extension and that is not a file is
// answered with that mount's index.html (so deep links such as /diploma/estimate?member=yes
// survive a reload). Missing files with an extension are 404.
//
// CLI:  node tests/e2e/server.mjs [--port N] [--host H] [--root DIR] [--plain]
//       PORT / HOST / DIST env vars work too. --plain serves DIR at / only (no /diploma/,
//       /broken/): use it for a second origin, e.g. a partner host page for embed tests:
//       node tests/e2e/server.mjs --port 4174 --root tests/e2e/fixtures/partner --plain
// API:  import { startServer } from './server.mjs'; const s = await startServer({ port: 0 });
//       s.url, s.port, await s.close()
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

function send(res, req, status, type, filePath, extraHeaders = {}) {
  const headers = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  };
  if (filePath) headers['Content-Length'] = statSync(filePath).size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || !filePath) return res.end();
  createReadStream(filePath).pipe(res);
}

function notFound(res, req, msg = 'Not found') {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : `${msg}\n`);
}

export function handler(mounts, { log = false } = {}) {
  return (req, res) => {
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
 * mounts (default: defaultMounts(root); plain: true serves root at / only), log.
 */
export function startServer({ port = 0, host = '127.0.0.1', root, mounts, plain = false, log = false } = {}) {
  const dir = resolve(root || process.env.DIST || join(REPO, 'dist'));
  const layout = mounts || (plain ? [{ prefix: '/', root: dir }] : defaultMounts(dir));
  const server = createServer(handler(layout, { log }));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `http://${host}:${actual}`,
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
