// The `literate pack build|decompile|preview|export|import` commands (authoring and interop).
import type { CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number>;

async function previewCommand(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('literate: pack preview is not implemented yet; use the extension authoring mode');
  return 2;
}

export const COMMANDS_AUTHORING: Record<string, Command> = { preview: previewCommand };
