// The `literate pack build|decompile|preview|export|import` commands: literate Markdown and W3C interop.
import { buildPack } from '../../annotations/author/build';
import { decompilePack } from '../../annotations/author/decompile';
import { validatePackText, formatValidationError } from '../../annotations/format/validate';
import { exportW3C, importW3C } from '../../annotations/interop/w3c';
import { importHypothesis } from '../../annotations/interop/hypothesis';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';
import { previewCommand as preview } from './preview';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Command = (argv: string[], io: CliIo) => Promise<number>;

async function output(io: CliIo, path: string | undefined, text: string): Promise<void> {
  if (path === undefined || path === '-') io.stdout(text.replace(/\n$/, ''));
  else await io.write(path, text);
}

function onePositional(argv: string[], valued: string[], flags: string[], what: string) {
  const args = parseArgs(argv, valued, flags);
  if (args.positionals.length !== 1) throw new UsageError(`${what} needs exactly one file`);
  return { args, file: args.positionals[0] as string };
}

async function buildCommand(argv: string[], io: CliIo): Promise<number> {
  const { args, file } = onePositional(argv, ['-o', '--output'], [], 'pack build');
  const result = buildPack(await io.read(file));
  if (!result.ok) {
    for (const e of result.errors)
      io.stdout(
        `${file}:${e.line}:${e.column ?? 1}  ${e.pointer ?? '-'}  ${e.message}${e.hint ? `  (${e.hint})` : ''}`,
      );
    io.stderr(
      `${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing written`,
    );
    return 1;
  }
  const out = args.options.get('-o') ?? args.options.get('--output');
  await output(io, out, `${JSON.stringify(result.pack, null, 2)}\n`);
  if (out) io.stderr(`${file} → ${out}: ${result.pack.items.length} annotations`);
  return 0;
}

async function readValidPack(file: string, io: CliIo) {
  const result = validatePackText(await io.read(file));
  if (!result.ok) for (const e of result.errors) io.stdout(formatValidationError(file, e));
  return result;
}

async function decompileCommand(argv: string[], io: CliIo): Promise<number> {
  const { args, file } = onePositional(argv, ['-o', '--output'], [], 'pack decompile');
  const result = await readValidPack(file, io);
  if (!result.ok) return 1;
  await output(io, args.options.get('-o') ?? args.options.get('--output'), decompilePack(result.pack));
  return 0;
}

/** Without the gallery (the published CLI) every path but the pack's is a 404 that says why. */
const NO_GALLERY_ROUTE = {
  path: /^/,
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      'Not found: this preview serves only the pack (the demo gallery comes with a clone of Literate).',
    );
  },
};

async function previewCommand(argv: string[], io: CliIo): Promise<number> {
  const [{ startServer, REPO_ROOT }, { galleryPages }, { existsSync }, { join, resolve }] = await Promise.all(
    [import('../../demos/server'), import('../../demos/gallery'), import('node:fs'), import('node:path')],
  );
  // From the TypeScript source the repo root is known; from the bundled CLI (dist/cli) it is one folder further up.
  // The published CLI has no gallery: it serves the pack alone and links the pack's own page.
  const root = [REPO_ROOT, resolve(REPO_ROOT, '..'), process.cwd()].find((dir) =>
    existsSync(join(dir, 'demos/index.html')),
  );
  return preview(argv, io, {
    startServer: (opts) =>
      root
        ? startServer({ ...opts, root })
        : startServer({ ...opts, routes: [...opts.routes, NO_GALLERY_ROUTE] }),
    galleryPages: () => (root ? galleryPages(root) : []),
    untilStopped: () =>
      new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      }),
  });
}

async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { args, file } = onePositional(argv, ['-o', '--output'], ['--w3c'], 'pack export');
  if (!args.flags.has('--w3c')) throw new UsageError('pack export needs --w3c (the only export format)');
  const result = await readValidPack(file, io);
  if (!result.ok) return 1;
  const { collection, skipped } = exportW3C(result.pack);
  for (const s of skipped) io.stderr(`${file}: ${s.id}: ${s.reason}`);
  await output(
    io,
    args.options.get('-o') ?? args.options.get('--output'),
    `${JSON.stringify(collection, null, 2)}\n`,
  );
  return 0;
}

async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const valued = ['-o', '--output', '--title', '--license', '--author', '--page', '--id'];
  const { args, file } = onePositional(argv, valued, ['--w3c', '--hypothesis'], 'pack import');
  const hypothesis = args.flags.has('--hypothesis');
  if (hypothesis === args.flags.has('--w3c'))
    throw new UsageError(
      'pack import needs one format: --w3c (W3C JSON-LD) or --hypothesis (Hypothesis API rows)',
    );
  let input: unknown;
  try {
    input = JSON.parse(await io.read(file));
  } catch (error) {
    if (error instanceof SyntaxError) {
      io.stdout(`${file}:1:1  /  invalid JSON: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const option = (name: string) => args.options.get(name);
  const { pack, skipped, errors } = (hypothesis ? importHypothesis : importW3C)(input, {
    ...(option('--title') ? { title: option('--title') } : {}),
    ...(option('--license') ? { license: option('--license') } : {}),
    ...(option('--author') ? { author: option('--author') } : {}),
    ...(option('--page') ? { page: option('--page') } : {}),
    ...(option('--id') ? { id: option('--id') } : {}),
  });
  for (const s of skipped) io.stderr(`${file}: skipped ${s.id ?? ''}: ${s.reason}`);
  if (errors.length > 0) {
    for (const e of errors) io.stdout(formatValidationError(`${file} (imported pack)`, e));
    return 1;
  }
  await output(io, option('-o') ?? option('--output'), `${JSON.stringify(pack, null, 2)}\n`);
  return 0;
}

export const COMMANDS_AUTHORING: Record<string, Command> = {
  build: buildCommand,
  decompile: decompileCommand,
  preview: previewCommand,
  export: exportCommand,
  import: importCommand,
};
