// The `literate` command's help: one usage entry per command (printed by `literate GROUP COMMAND --help`), the whole
// list for `literate --help`, and the exit codes every command shares.

export interface CommandHelp {
  /** `pack validate`, `key new`, … */
  name: string;
  usage: string;
  summary: string;
}

export const COMMAND_HELP: readonly CommandHelp[] = [
  {
    name: 'pack validate',
    usage: 'literate pack validate FILE|URL|- [--quiet]',
    summary: 'check a pack; prints every error',
  },
  {
    name: 'pack build',
    usage: 'literate pack build NOTES.md|- [-o OUT]',
    summary: 'compile a literate Markdown pack to JSON',
  },
  {
    name: 'pack decompile',
    usage: 'literate pack decompile PACK.json|- [-o OUT.md]',
    summary: 'turn a JSON pack into literate Markdown',
  },
  {
    name: 'pack preview',
    usage: 'literate pack preview NOTES.md|PACK.json [--port N] [--page DEMO]',
    summary:
      'serve the pack (rebuilt on every request) and print a share link: to a gallery demo from a clone of\n' +
      "Literate, else to the pack's own page",
  },
  {
    name: 'pack export',
    usage: 'literate pack export --w3c PACK.json|- [-o OUT.jsonld]',
    summary: 'write the page-anchored notes as W3C Web Annotations',
  },
  {
    name: 'pack import',
    usage:
      'literate pack import --w3c FILE.jsonld|- [-o OUT.json] [--title T] [--license SPDX]\n' +
      '                       [--author NAME] [--page URL-PATTERN] [--id ID]\n' +
      '       literate pack import --hypothesis ROWS.json|- [same options]',
    summary:
      'turn W3C annotations (TextQuote/Css selectors) or Hypothesis API rows (its /api/search answer) into a pack',
  },
  {
    name: 'pack check',
    usage:
      'literate pack check PACK.json|URL|- --model [ALIAS=]PATH|URL [--model …] [--report OUT.html]\n' +
      '                   [--timeout-ms N] [--json]',
    summary:
      'load the model(s) with tf.js (cpu), run every example and check, report staleness; exit 1 if a\n' +
      'claim fails or the pack is stale (could-not-run, e.g. page elements, does not). Needs the optional\n' +
      'peer @tensorflow/tfjs (it says how to install it when missing)',
  },
  {
    name: 'pack sign',
    usage: 'literate pack sign PACK.json --key KEY.json [--signer NAME] [-o OUT]',
    summary: 'sign a pack (Ed25519); the signature travels in the pack',
  },
  {
    name: 'pack verify',
    usage: 'literate pack verify PACK.json|URL|- [--key-id ID]',
    summary: 'check its signature; exit 1 if unsigned, broken or another key',
  },
  {
    name: 'key new',
    usage: 'literate key new [-o KEY.json] [--signer NAME]',
    summary: 'make an Ed25519 key pair (private JWK, file mode 0600)',
  },
  {
    name: 'weights digest',
    usage: 'literate weights digest PATH|URL [--list] [--json]',
    summary: "the weights digest (lwd1) of a model's files (needs @tensorflow/tfjs) or of an .onnx file",
  },
  {
    name: 'report verify',
    usage: 'literate report verify REPORT.html --model [ALIAS=]PATH|URL [--model …] [--json]',
    summary:
      "check a report's seal and digests, re-run every result on the model; exit 1 unless all intact and\n" +
      'reproduced (needs @tensorflow/tfjs)',
  },
  { name: 'schema', usage: 'literate schema', summary: 'print the pack JSON Schema (draft 2020-12)' },
];

export const EXIT_CODES = `Exit status:
  0  valid / done
  1  invalid input: validation or build errors, a failed check or signature
  2  usage error, I/O error (a missing file, an HTTP error), or a missing optional dependency`;

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** `literate pack build --help`: the command's usage, what it does, and the exit codes. */
export function commandHelp(name: string): string | undefined {
  const entry = COMMAND_HELP.find((c) => c.name === name);
  if (!entry) return undefined;
  return `Usage: ${entry.usage}\n\n${indent(entry.summary, '  ')}\n\nA FILE given as - is read from standard input.\nWithout -o, outputs go to standard output.\n\n${EXIT_CODES}`;
}

export const HELP = `literate: tools for Literate annotation packs

Usage:
${COMMAND_HELP.map((c) => `  ${c.usage}\n${indent(c.summary, '        ')}`).join('\n')}
  literate --version                     the version
  literate --help                        this text; literate GROUP COMMAND --help for one command

Errors are printed one per line as
  FILE:LINE:COL  /json/pointer  reason  (hint)

A FILE given as - is read from standard input. Without -o, outputs go to standard output.

${EXIT_CODES}`;
