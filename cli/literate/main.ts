// The `literate` command: validate, check, build, export and import annotation packs. Exit codes: 0 success (valid),
// 1 invalid input (validation or build errors), 2 usage or I/O error.
import { parseArgs } from './args';
import { nodeIo, UsageError, type CliIo } from './io';
import { formatValidationError, validatePackText } from '../../annotations/format/validate';
import { generatePackSchema } from '../../annotations/format/pack-schema';
import { COMMANDS_AUTHORING } from './commands-authoring';
import { checkCommand } from '../check/command';
import { AUDIT_GROUPS, PACK_AUDIT_COMMANDS } from './commands-audit';

export const HELP = `literate: tools for Literate annotation packs

Usage:
  literate pack validate FILE|URL        check a pack; prints every error
  literate pack build NOTES.md [-o OUT]  compile a literate Markdown pack to JSON
  literate pack decompile PACK.json [-o OUT.md]
                                         turn a JSON pack into literate Markdown
  literate pack preview NOTES.md [--port N] [--page DEMO]  serve it and print a share link to a gallery demo
  literate pack export --w3c PACK.json [-o OUT.jsonld]
                                         write the page-anchored notes as W3C Web Annotations
  literate pack import --w3c FILE.jsonld [-o OUT.json] [--title T] [--license SPDX]
                         [--author NAME] [--page URL-PATTERN]
                                         turn W3C annotations (TextQuote/Css selectors) into a pack
  literate pack check PACK.json|URL --model [ALIAS=]PATH|URL [--model …] [--report OUT.html]
                     [--timeout-ms N] [--json]
                                         load the model(s) with tf.js (cpu), run every example and
                                         check, report staleness; exit 1 if a claim fails or the
                                         pack is stale (could-not-run, e.g. page elements, does not)
  literate pack sign PACK.json --key KEY.json [--signer NAME] [-o OUT]
                                         sign a pack (Ed25519); the signature travels in the pack
  literate pack verify PACK.json|URL [--key-id ID]
                                         check its signature; exit 1 if unsigned, broken or another key
  literate key new [-o KEY.json] [--signer NAME]
                                         make an Ed25519 key pair (private JWK, file mode 0600)
  literate weights digest PATH|URL [--list] [--json]
                                         the weights digest (lwd1) of a model's files
  literate report verify REPORT.html --model [ALIAS=]PATH|URL [--model …] [--json]
                                         check a report's seal and digests, re-run every result on
                                         the model; exit 1 unless all intact and reproduced
  literate schema                        print the pack JSON Schema (draft 2020-12)
  literate --help                        this text

Errors are printed one per line as
  FILE:LINE:COL  /json/pointer  reason  (hint)

Exit status: 0 valid / done, 1 invalid (validation or build errors), 2 usage or I/O error.
Without -o, outputs go to standard output.`;

export type Command = (argv: string[], io: CliIo) => Promise<number>;

async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [], ['--quiet']);
  if (args.positionals.length !== 1) throw new UsageError('pack validate needs exactly one FILE or URL');
  const source = args.positionals[0] ?? '';
  const result = validatePackText(await io.read(source));
  if (result.ok) {
    if (!args.flags.has('--quiet')) io.stdout(`${source}: valid (${result.pack.items.length} annotations)`);
    return 0;
  }
  for (const error of result.errors) io.stdout(formatValidationError(source, error));
  io.stderr(`${source}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  return 1;
}

const PACK_COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  check: checkCommand,
  ...COMMANDS_AUTHORING,
  ...PACK_AUDIT_COMMANDS,
};

/** Runs the command line; resolves to the exit status. */
export async function run(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  try {
    const [group, name, ...rest] = argv;
    if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
      (group === undefined ? io.stderr : io.stdout)(HELP);
      return group === undefined ? 2 : 0;
    }
    if (group === 'schema' && name === undefined) {
      io.stdout(JSON.stringify(generatePackSchema(), null, 2));
      return 0;
    }
    const audit = Object.hasOwn(AUDIT_GROUPS, group) ? AUDIT_GROUPS[group] : undefined;
    if (audit) {
      const command = name !== undefined && Object.hasOwn(audit, name) ? audit[name] : undefined;
      if (!command) throw new UsageError(`unknown ${group} command '${name ?? ''}'`);
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(HELP);
        return 0;
      }
      return await command(rest, io);
    }
    if (group !== 'pack') throw new UsageError(`unknown command '${group}'`);
    if (name === '--help' || name === '-h') {
      io.stdout(HELP);
      return 0;
    }
    const command = name === undefined ? undefined : PACK_COMMANDS[name];
    if (!command) throw new UsageError(`unknown pack command '${name ?? ''}'`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(HELP);
      return 0;
    }
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`literate: ${error.message}\nRun 'literate --help' for usage.`);
      return 2;
    }
    io.stderr(`literate: ${(error as Error).message}`);
    return 2;
  }
}
