// Command-line argument parsing for `literate`, on Node's own util.parseArgs: positionals, boolean flags and valued
// options, every unknown option a usage error.
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs keys options by a long name; a short one (`-o`) gets a key of its own so `-o` and `--output` stay distinct. */
function keyOf(spelling: string): string {
  return spelling.startsWith('--') ? spelling.slice(2) : `short-${spelling.slice(1)}`;
}

function configFor(valued: readonly string[], known: readonly string[]): OptionsConfig {
  const options: OptionsConfig = {};
  const add = (spelling: string, type: 'string' | 'boolean') => {
    if (!/^(--[a-z][a-z0-9-]*|-[a-zA-Z])$/.test(spelling)) throw new Error(`bad option spelling ${spelling}`);
    options[keyOf(spelling)] = spelling.startsWith('--') ? { type } : { type, short: spelling.slice(1) };
  };
  for (const name of valued) add(name, 'string');
  for (const name of known) add(name, 'boolean');
  return options;
}

/** Turns util.parseArgs's errors (TypeError with an ERR_PARSE_ARGS_* code) into usage errors a person can act on. */
function usageError(error: unknown, argv: readonly string[], valued: readonly string[]): UsageError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = valued.find((name) => message.includes(`'${name}`) || message.includes(` ${name} `));
    if (missing) return new UsageError(`${missing} needs a value`);
    const flag = argv.find((a) => a.includes('=') && message.includes(a.slice(0, a.indexOf('='))));
    return new UsageError(flag ? `unknown option ${flag}` : message);
  }
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const quoted = /'([^']+)'/.exec(message)?.[1];
    return new UsageError(`unknown option ${quoted ?? message}`);
  }
  return new UsageError(message);
}

/** `valued` lists the options that take a value (`-o out.json`, `--title=T`); `known` the boolean flags. `-` is a positional (stdin). */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  known: readonly string[],
): ParsedArgs {
  const options = configFor(valued, known);
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error, argv, valued);
  }
  const result: ParsedArgs = { positionals: [...parsed.positionals], flags: new Set(), options: new Map() };
  for (const spelling of [...valued, ...known]) {
    const value = (parsed.values as Record<string, string | boolean | undefined>)[keyOf(spelling)];
    if (typeof value === 'string') result.options.set(spelling, value);
    else if (value === true) result.flags.add(spelling);
  }
  return result;
}
