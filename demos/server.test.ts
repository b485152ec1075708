import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, REPO_ROOT, resolveRequestPath, startServer, type GalleryServer } from './server';

describe('resolveRequestPath', () => {
  it('serves the gallery index at /', () => {
    expect(resolveRequestPath('/')).toBe(`${REPO_ROOT}/demos/index.html`);
  });

  it('serves allow-listed folders and their index pages', () => {
    expect(resolveRequestPath('/node_modules/tfjs1/dist/tf.min.js')).toBe(
      `${REPO_ROOT}/node_modules/tfjs1/dist/tf.min.js`,
    );
    expect(resolveRequestPath('/demos/draw-shapes/')).toBe(`${REPO_ROOT}/demos/draw-shapes/index.html`);
  });

  it.each([
    '/package.json',
    '/.git/config',
    '/demos/../package.json',
    '/demos/%2e%2e/package.json',
    '/demos/..%2fpackage.json',
    '/node_modules/typescript/package.json',
    '/demos/%00x',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveRequestPath(path)).toBeNull();
  });
});

describe('mimeType', () => {
  it('knows the types a tf.js demo needs', () => {
    expect(mimeType('model.json')).toMatch(/^application\/json/);
    expect(mimeType('tf.min.js')).toMatch(/^text\/javascript/);
    expect(mimeType('group1-shard1of1')).toBe('application/octet-stream');
    expect(mimeType('weights.bin')).toBe('application/octet-stream');
    expect(mimeType('KaTeX_Main-Regular.woff2')).toBe('font/woff2');
  });
});

describe('startServer', () => {
  let server: GalleryServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      routes: [
        {
          path: '/test/custom',
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('custom');
          },
        },
      ],
    });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with type and no caching, and HEAD without a body', async () => {
    const res = await fetch(`${server.url}/node_modules/tfjs1/package.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).version).toBe('1.7.4');
    const head = await fetch(`${server.url}/node_modules/tfjs1/package.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 outside the allow-list and for missing files, 405 for POST', async () => {
    expect((await fetch(`${server.url}/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/demos/nope.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/demos/`, { method: 'POST' })).status).toBe(405);
  });

  it('lets custom routes answer first', async () => {
    const res = await fetch(`${server.url}/test/custom`);
    expect(await res.text()).toBe('custom');
  });
});
