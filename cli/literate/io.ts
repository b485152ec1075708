// Input and output for the `literate` command, behind a small interface so tests can run commands in memory.
import { readFile, writeFile } from 'node:fs/promises';
import { LIMITS } from '../../annotations/format/limits';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Reads a local file, an http(s) URL, or standard input (`-`) as text. */
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

/** Standard input to its end, bounded like a download. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_DOWNLOAD) throw new Error(`standard input: more than ${MAX_DOWNLOAD} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const nodeIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  read: (source) =>
    source === '-' ? readStdin() : /^https?:\/\//i.test(source) ? readUrl(source) : readFile(source, 'utf8'),
  write: (path, text) => writeFile(path, text),
};
