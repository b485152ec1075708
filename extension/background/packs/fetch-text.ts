// Fetching pack and registry files: conditional requests (ETag / Last-Modified → 304), no cookies, a size cap and a
// timeout, and failures described so a person can act on them. The fetch function is injected for tests.

import type { HttpValidators } from './schema';
import { readCapped } from '../../../base/bytes';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type FetchOutcome =
  | { status: 'fresh'; bytes: Uint8Array; text: string; http?: HttpValidators; finalUrl: string }
  | { status: 'not-modified'; http?: HttpValidators }
  | { status: 'error'; reason: string };

export interface FetchOptions {
  validators?: HttpValidators;
  maxBytes: number;
  timeoutMs?: number;
  fetch?: FetchLike;
  /** 'error' where a redirect could lead somewhere the caller checked the first URL against (share links). */
  redirect?: RequestRedirect;
}

function validatorsOf(response: Response): HttpValidators | undefined {
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  if (!etag && !lastModified) return undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** The body, or null when it is larger than `maxBytes` (said up front, or found while reading). */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (response.body) return readCapped(response.body, maxBytes);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.byteLength > maxBytes ? null : bytes;
}

export async function fetchText(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const doFetch = options.fetch ?? ((u, init) => fetch(u, init));
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9, */*;q=0.1' };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  try {
    // no-store: we keep our own copy and send our own validators, so the 304 reaches us.
    const response = await doFetch(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: options.redirect ?? 'follow',
      signal: controller.signal,
    });
    if (response.status === 304)
      return { status: 'not-modified', ...withHttp(validatorsOf(response) ?? options.validators) };
    if (!response.ok)
      return {
        status: 'error',
        reason: `${host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      };
    const bytes = await readBody(response, options.maxBytes);
    if (!bytes) return { status: 'error', reason: `the file is larger than ${options.maxBytes} bytes` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { status: 'error', reason: 'the file is not UTF-8 text' };
    }
    return {
      status: 'fresh',
      bytes,
      text,
      finalUrl: response.url || url,
      ...withHttp(validatorsOf(response)),
    };
  } catch (error) {
    if (controller.signal.aborted)
      return {
        status: 'error',
        reason: `${host} did not answer within ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`,
      };
    return {
      status: 'error',
      reason: `could not reach ${host} (offline, or the server does not allow cross-origin requests: ${error instanceof Error ? error.message : String(error)})`,
    };
  } finally {
    clearTimeout(timer);
  }
}

function withHttp(http: HttpValidators | undefined): { http?: HttpValidators } {
  return http ? { http } : {};
}
