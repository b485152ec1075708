// Command-line argument parsing for `literate`: positionals, boolean flags and valued options, nothing more.
import { UsageError } from './io';

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** `valued` lists the options that take a value (`-o out.json`, `--title=T`). */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  known: readonly string[],
): ParsedArgs {
  const result: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      result.positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      result.options.set(name, value);
    } else if (known.includes(name) && inline === undefined) result.flags.add(name);
    else throw new UsageError(`unknown option ${arg}`);
  }
  return result;
}
