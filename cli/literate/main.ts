// The `literate` command: validate, check, build, export and import annotation packs. Exit codes: 0 success (valid),
// 1 invalid input (validation or build errors), 2 usage or I/O error or a missing optional dependency (help.ts).
import { parseArgs } from './args';
import { commandHelp, HELP } from './help';
import { VERSION } from './version';
import { nodeIo, UsageError, type CliIo } from './io';
import { formatValidationError, validatePackText } from '../../annotations/format/validate';
import { generatePackSchema } from '../../annotations/format/pack-schema';
import { COMMANDS_AUTHORING } from './commands-authoring';
import { checkCommand } from '../check/command';
import { AUDIT_GROUPS, PACK_AUDIT_COMMANDS } from './commands-audit';

export { HELP };

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

const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** Prints one command's help (or the whole list when the command is unknown to the help table). */
function printHelp(io: CliIo, name: string): number {
  io.stdout(commandHelp(name) ?? HELP);
  return 0;
}

/** Runs the command line; resolves to the exit status. */
export async function run(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  try {
    const [group, name, ...rest] = argv;
    if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
      (group === undefined ? io.stderr : io.stdout)(HELP);
      return group === undefined ? 2 : 0;
    }
    if (group === '--version' || group === '-v' || group === 'version') {
      io.stdout(VERSION);
      return 0;
    }
    if (group === 'schema') {
      if (name === '--help' || name === '-h') return printHelp(io, 'schema');
      if (name !== undefined) throw new UsageError('schema takes no arguments');
      io.stdout(JSON.stringify(generatePackSchema(), null, 2));
      return 0;
    }
    const audit = Object.hasOwn(AUDIT_GROUPS, group) ? AUDIT_GROUPS[group] : undefined;
    if (audit) {
      const command = name !== undefined && Object.hasOwn(audit, name) ? audit[name] : undefined;
      if (!command) {
        if (name === '--help' || name === '-h') return printHelp(io, group);
        throw new UsageError(`unknown ${group} command '${name ?? ''}'`);
      }
      if (wantsHelp(rest)) return printHelp(io, `${group} ${name}`);
      return await command(rest, io);
    }
    if (group !== 'pack') throw new UsageError(`unknown command '${group}'`);
    if (name === '--help' || name === '-h') return printHelp(io, 'pack');
    const command =
      name !== undefined && Object.hasOwn(PACK_COMMANDS, name) ? PACK_COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown pack command '${name ?? ''}'`);
    if (wantsHelp(rest)) return printHelp(io, `pack ${name}`);
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
