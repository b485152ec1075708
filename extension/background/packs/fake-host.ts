// A fake static file host for update tests: files with ETags, conditional requests answered with 304, a request log.

import type { FetchLike } from './fetch-text';

export class FakeHost {
  files = new Map<string, { body: string; etag: string; status?: number }>();
  log: { url: string; ifNoneMatch: string | null }[] = [];
  offline = false;
  private version = 0;

  put(url: string, body: string, status = 200): void {
    this.files.set(url, { body, etag: `"v${++this.version}"`, status });
  }

  readonly fetch: FetchLike = async (url, init) => {
    const headers = new Headers(init.headers);
    this.log.push({ url, ifNoneMatch: headers.get('if-none-match') });
    if (init.credentials !== 'omit') throw new Error('requests must omit credentials');
    if (this.offline) throw new TypeError('Failed to fetch');
    const file = this.files.get(url);
    if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (file.status && file.status !== 200) return new Response('', { status: file.status });
    if (headers.get('if-none-match') === file.etag)
      return new Response(null, { status: 304, headers: { etag: file.etag } });
    return new Response(file.body, {
      status: 200,
      headers: { etag: file.etag, 'content-type': 'application/json' },
    });
  };

  requests(url: string): number {
    return this.log.filter((l) => l.url === url).length;
  }
}
