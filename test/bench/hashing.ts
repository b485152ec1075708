// `npm run bench` (last table): what hashing weights costs in the hook — the weights digest and fingerprints use
// @noble/hashes' SHA-256 (model/describe/sha256.ts), side by side with Node's native OpenSSL as the reference.

import { createHash } from 'node:crypto';
import { sha256Bytes } from '../../model/describe/sha256';

const ROUNDS = 7;

function median(f: () => void): number {
  f();
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[ROUNDS >> 1]!;
}

const rows: string[][] = [];
for (const mb of [1, 20]) {
  const data = new Uint8Array(mb << 20);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  if (sha256Bytes(data) !== createHash('sha256').update(data).digest('hex'))
    throw new Error('digests differ');
  const noble = median(() => sha256Bytes(data));
  const native = median(() => createHash('sha256').update(data).digest('hex'));
  rows.push([`${mb} MB of weights`, noble.toFixed(1), native.toFixed(1), (noble / native).toFixed(2)]);
}
console.log('\nSHA-256 of weight bytes (median of 7, ms)\n');
console.log('| input | @noble/hashes (the hook) | node:crypto (native) | ratio |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
