// A small static server for the hook's e2e tests, benchmark and real-model check: exact-path routes first, then
// files under the repository root (tf.js UMD builds from node_modules), on 127.0.0.1 only.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;
export interface Route {
  path: string;
  handler: Handler;
}

export const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.css': 'text/css',
};

export interface HookServer {
  url: string;
  /** Adds or replaces a route while the server runs. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A folder served under a URL prefix ('/real/' → DIR). */
export interface Mount {
  prefix: string;
  dir: string;
}

export async function startHookServer(
  routes: Route[] = [],
  mounts: Mount[] = [{ prefix: '/', dir: ROOT }],
  /** Another loopback address (e.g. 127.0.0.2) serves pages where Literate's content scripts do not run. */
  host = '127.0.0.1',
): Promise<HookServer> {
  const table = new Map(routes.map((r) => [r.path, r.handler]));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const handler = table.get(path);
    if (handler) return handler(req, res);
    for (const { prefix, dir } of mounts) {
      if (!path.startsWith(prefix)) continue;
      const root = resolve(dir);
      const file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) continue;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=3600',
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    route: (path, handler) => table.set(path, handler),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export function html(body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(body);
  };
}

export function bytes(data: Uint8Array | string, type = 'application/octet-stream'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(data);
  };
}

export function redirect(location: string): Handler {
  return (_req, res) => {
    res.writeHead(302, { location, 'cache-control': 'no-store' });
    res.end();
  };
}
