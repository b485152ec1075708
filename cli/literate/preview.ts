// `literate pack preview NOTES.md`: serves the pack (rebuilt from its source on every request, so edits show on
// reload) beside the demo gallery, and prints a share link that opens the matching gallery demo with it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildPack } from '../../annotations/author/build';
import type { Pack } from '../../annotations/format/types';
import { validatePackText, formatValidationError } from '../../annotations/format/validate';
import { matchPageUrl } from '../../annotations/targets/match-page';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface PreviewDeps {
  startServer(opts: {
    port: number;
    routes: { path: string; handler(req: IncomingMessage, res: ServerResponse): void }[];
  }): Promise<PreviewServer>;
  galleryPages(): string[];
  /** Resolves when the preview should stop (Ctrl+C in the terminal; at once in tests). */
  untilStopped(): Promise<void>;
}

export const PACK_PATH = '/preview/pack.json';

/** Reads and compiles the pack source: literate Markdown (`.md`) or pack JSON. */
async function loadPack(file: string, io: CliIo): Promise<{ pack: Pack } | { errors: string[] }> {
  const text = await io.read(file);
  if (/\.(md|markdown)$/i.test(file)) {
    const built = buildPack(text);
    if (built.ok) return { pack: built.pack };
    return {
      errors: built.errors.map(
        (e) =>
          `${file}:${e.line}:${e.column ?? 1}  ${e.pointer ?? '-'}  ${e.message}${e.hint ? `  (${e.hint})` : ''}`,
      ),
    };
  }
  const checked = validatePackText(text);
  return checked.ok
    ? { pack: checked.pack }
    : { errors: checked.errors.map((e) => formatValidationError(file, e)) };
}

/** The share link for the first gallery page the pack targets (or the one asked for). */
export function previewLink(pack: Pack, base: string, pages: string[], page?: string): string | null {
  const packUrl = `${base}${PACK_PATH}`;
  const candidates = page ? [page.replace(/^\/?(demos\/)?|\/$/g, '')] : pages;
  for (const name of candidates) {
    const url = `${base}/demos/${name}/`;
    if (page || matchPageUrl(pack, url).matched) return `${url}#literate=${encodeURIComponent(packUrl)}`;
  }
  return null;
}

/** The share link on the pack's own page: its first targets.pages pattern that is a plain http(s) URL. */
export function ownPageLink(pack: Pack, base: string): string | null {
  const page = pack.targets.pages.find((p) => /^https?:\/\/[^*?#\s]+$/.test(p));
  return page ? `${page}#literate=${encodeURIComponent(`${base}${PACK_PATH}`)}` : null;
}

export async function previewCommand(argv: string[], io: CliIo, deps: PreviewDeps): Promise<number> {
  const args = parseArgs(argv, ['--port', '--page'], []);
  if (args.positionals.length !== 1) throw new UsageError('pack preview needs exactly one file');
  const file = args.positionals[0] as string;
  if (file === '-')
    throw new UsageError('pack preview rebuilds its file on every request: give a path, not -');
  const first = await loadPack(file, io);
  if ('errors' in first) {
    for (const line of first.errors) io.stdout(line);
    io.stderr(`${file}: fix these errors, then preview again`);
    return 1;
  }
  const port = Number(args.options.get('--port') ?? 8322);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${port} is not a port`);
  const servePack = (_req: IncomingMessage, res: ServerResponse) => {
    void loadPack(file, io).then(
      (result) => {
        const ok = 'pack' in result;
        res.writeHead(ok ? 200 : 422, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
        });
        res.end(JSON.stringify(ok ? result.pack : { errors: result.errors }, null, 2));
        if (!ok) for (const line of result.errors) io.stdout(line);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      },
    );
  };
  const server = await deps.startServer({ port, routes: [{ path: PACK_PATH, handler: servePack }] });
  const link =
    previewLink(first.pack, server.url, deps.galleryPages(), args.options.get('--page')) ??
    ownPageLink(first.pack, server.url);
  io.stdout(`Serving ${file} at ${server.url}${PACK_PATH} (rebuilt on every request).`);
  if (link) {
    io.stdout(`Open this link in a browser with Literate installed:\n  ${link}`);
  } else {
    io.stdout(
      `No gallery page matches the pack's targets.pages; add --page <demo> or open your demo with\n` +
        `  #literate=${encodeURIComponent(server.url + PACK_PATH)}`,
    );
  }
  io.stderr('Press Ctrl+C to stop.');
  await deps.untilStopped();
  await server.close();
  return 0;
}
