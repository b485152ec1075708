// Input and output for the `literate` command, behind a small interface so tests can run commands in memory.
import { readFile, writeFile } from 'node:fs/promises';
import { LIMITS } from '../../annotations/format/limits';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Reads a local file or an http(s) URL as text. */
  read(source: string): Promise<string>;
  write(path: string, text: string): Promise<void>;
}

export class UsageError extends Error {}

const MAX_DOWNLOAD = LIMITS.packBytes * 2;

async function readUrl(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_DOWNLOAD) throw new Error(`${url}: ${declared} bytes is too large`);
  const text = await response.text();
  if (text.length > MAX_DOWNLOAD) throw new Error(`${url}: response is too large`);
  return text;
}

export const nodeIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  read: (source) => (/^https?:\/\//i.test(source) ? readUrl(source) : readFile(source, 'utf8')),
  write: (path, text) => writeFile(path, text),
};
