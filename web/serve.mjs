#!/usr/bin/env node
// Serves web/dist/ and forwards /v1/... to the service that owns the path, exactly like
// k8s/core/httproute.yaml (no dependencies; for development and the browser tests).
//
//   MENSURA_INGEST_URL MENSURA_PRIVACY_URL MENSURA_FITTING_URL MENSURA_AUDIT_URL  service base URLs
//   MENSURA_TLS_CA  the CA the services' certificates chain to (default: dev/run's ../.dev/tls/ca.crt)
//   PORT   port to listen on (0 = any free one); prints "listening <port>" on stdout
//   HOST   address to bind (default 127.0.0.1)
//
// Responses stream through unbuffered (SSE included). Bodies are never logged.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');
const UPSTREAMS = {
  ingest: process.env.MENSURA_INGEST_URL ?? 'https://localhost:8081',
  privacy: process.env.MENSURA_PRIVACY_URL ?? 'https://localhost:8082',
  fitting: process.env.MENSURA_FITTING_URL ?? 'https://localhost:8084',
  audit: process.env.MENSURA_AUDIT_URL ?? 'https://localhost:8085',
};
// The services speak HTTPS only; their certificates chain to Mensura's CA, trusted here alone.
const CA_FILE =
  process.env.MENSURA_TLS_CA ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.dev', 'tls', 'ca.crt');
const CA = existsSync(CA_FILE) ? readFileSync(CA_FILE) : undefined;

const CSP =
  "default-src 'self'; img-src 'self' blob: data:; connect-src 'self'; style-src 'self'; script-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'";
const SECURITY = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), geolocation=(), microphone=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Which service serves an API path (the HTTPRoute's rules, in its order), or null. */
export function route(pathname) {
  if (/^\/v1\/jobs\/[^/]+\/(measurements|model\.glb|model\.obj)$/.test(pathname)) return 'fitting';
  if (/^\/v1\/jobs\/[^/]+\/receipt$/.test(pathname)) return 'audit';
  const prefix = (p) => pathname === p || pathname.startsWith(p + '/');
  if (prefix('/v1/jobs')) return 'ingest';
  if (['/v1/subjects', '/v1/dsr', '/v1/officer', '/v1/records', '/v1/privacy-notice', '/v1/admin'].some(prefix)) {
    return 'privacy';
  }
  if (prefix('/v1/audit')) return 'audit';
  return null;
}

// Host is passed through, as a gateway does: the services' CORS is same-origin only (libs/edge), and the
// browser's Origin is this server's.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function problem(res, status, title, detail) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...SECURITY });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function forward(req, res, service, url) {
  const base = new URL(UPSTREAMS[service]);
  const target = new URL(url.pathname + url.search, base);
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k)) headers[k] = v;
  // A same-origin call to this server reaches the service over HTTPS while the page is on plain
  // HTTP, so the service's CORS check would see a foreign origin: say nothing instead. A real
  // gateway serves the app and the API on one HTTPS origin and needs no such step.
  if (headers.origin === `http://${req.headers.host}`) delete headers.origin;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  const client = target.protocol === 'https:' ? https : http;
  const options = target.protocol === 'https:' && CA ? { method: req.method, headers, ca: CA } : { method: req.method, headers };
  const upstream = client.request(target, options, (answer) => {
    const out = {};
    for (const [k, v] of Object.entries(answer.headers)) if (!HOP.has(k)) out[k] = v;
    // a Location pointing at the service itself becomes a path on this origin
    for (const origin of [base.origin, `http://${req.headers.host}`]) {
      if (typeof out.location === 'string' && out.location.startsWith(origin + '/')) {
        out.location = out.location.substring(origin.length);
      }
    }
    out['cache-control'] = 'no-store';
    out['x-content-type-options'] = 'nosniff';
    res.writeHead(answer.statusCode ?? 502, out);
    res.flushHeaders();
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  upstream.setNoDelay(true);
  upstream.on('error', (e) => {
    console.error(`upstream ${service} ${req.method} ${url.pathname}: ${e.code ?? e.message}`);
    if (!res.headersSent) problem(res, 502, 'Service unavailable', `The ${service} service did not answer.`);
    else res.destroy();
  });
  req.on('aborted', () => upstream.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

function serveStatic(req, res, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY });
    return res.end();
  }
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return problem(res, 400, 'Bad request', 'The path is not valid.');
  }
  let file = path.normalize(path.join(ROOT, rel));
  if (!file.startsWith(ROOT)) return problem(res, 404, 'Not found', '');
  let st;
  try {
    st = statSync(file);
    if (st.isDirectory()) {
      file = path.join(file, 'index.html');
      st = statSync(file);
    }
  } catch {
    // a single-page app: unknown paths get the app (assets never do)
    if (rel.startsWith('/assets/')) return problem(res, 404, 'Not found', '');
    file = path.join(ROOT, 'index.html');
    try {
      st = statSync(file);
    } catch {
      return problem(res, 500, 'Not built', 'web/dist is missing: run npm run build.');
    }
  }
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': st.size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
    const service = route(url.pathname);
    if (!service) return problem(res, 404, 'Not found', 'No service serves this path.');
    return forward(req, res, service, url);
  }
  return serveStatic(req, res, url);
});
server.keepAliveTimeout = 65_000;
server.requestTimeout = 0; // SSE streams and large uploads

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
    console.log(`listening ${server.address().port}`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 2000).unref());
}
