// The gallery's static server (127.0.0.1 only, node:http): used by `npm start`, the e2e tests and the bench.
// Serves an allow-list of repo folders; tests add routes for generated pages, redirects and special headers.

import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

/** URL prefixes the server will serve files from (everything else is 404). */
export const ALLOWED_PREFIXES = [
  '/demos/',
  '/dist/demos/',
  '/node_modules/@tensorflow/',
  '/node_modules/tfjs1/',
  '/node_modules/tfjs2/',
  '/node_modules/tfjs3/',
  // ONNX Runtime Web builds (ort.min.js and its .mjs/.wasm files) for the ONNX pages and their version matrix.
  '/node_modules/onnxruntime-web/dist/',
  '/node_modules/ort126/dist/',
  '/node_modules/ort122/dist/',
  '/node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/',
  '/test/fixtures/',
  '/annotations/packs/',
  '/dist/schema/',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface Route {
  path: string | RegExp;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface GalleryServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Maps a request path to a file under `root`, or null when it is outside the allow-list or tries to escape it.
 * `/` is the gallery index and a folder path serves its index.html.
 */
export function resolveRequestPath(urlPath: string, root = REPO_ROOT): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '/index.html') return join(root, 'demos/index.html');
  const normalized = normalize(path).replace(/\\/g, '/');
  if (normalized !== path.replace(/\/+/g, '/') || normalized.split('/').includes('..')) return null;
  if (!ALLOWED_PREFIXES.some((prefix) => normalized.startsWith(prefix))) return null;
  const file = resolve(root, `.${normalized}`);
  if (!file.startsWith(root + sep)) return null;
  return normalized.endsWith('/') ? join(file, 'index.html') : file;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function serveFile(req: IncomingMessage, res: ServerResponse, root: string): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = resolveRequestPath(url.pathname, root);
  if (!file) return send(res, 404, 'Not found');
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    size = stat.size;
  } catch {
    return send(res, 404, 'Not found');
  }
  res.writeHead(200, {
    'content-type': mimeType(file),
    'content-length': String(size),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

export async function startServer(
  opts: { port?: number; host?: string; routes?: Route[]; root?: string } = {},
): Promise<GalleryServer> {
  const host = opts.host ?? '127.0.0.1';
  const routes = opts.routes ?? [];
  const root = opts.root ?? REPO_ROOT;
  const server = createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const route = routes.find((r) => (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
      if (route) return route.handler(req, res);
      if (path === '/favicon.ico') {
        res.writeHead(204, { 'cache-control': 'no-store' });
        res.end();
        return;
      }
      serveFile(req, res, root);
    } catch {
      if (!res.headersSent) send(res, 500, 'Server error');
      else res.destroy();
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8321);
  startServer({ port }).then((s) => console.log(`Literate demo gallery: ${s.url}`));
}
