// The audit commands: weights digests from model files, Ed25519 keys, signing and verifying packs, and verifying a
// report by re-running it on the model (`literate report verify`).
import { readFile, writeFile } from 'node:fs/promises';
import {
  describeSignature,
  keyIdOf,
  signPack,
  verifyPackSignature,
} from '../../annotations/format/signature';
import { formatValidationError, validatePackText } from '../../annotations/format/validate';
import { extractReportData } from '../../annotations/report/report-data';
import { checkIntegrity, compareRuns, type ItemVerdict } from '../../annotations/report/verify-report';
import { runPack } from '../../annotations/checks/run-pack';
import type { ModelRunner } from '../../annotations/checks/types';
import type { ModelGraph } from '../../model/model-graph';
import type { WeightsDigestInfo } from '../../model/weights-digest';
import { bind, takeModelSpecs } from '../check/command';
import { nodeInputSource } from '../check/image-source';
import { loadModel, loadTf, type LoadedModel } from '../check/tf-models';
import { digestFromFiles, digestOfLoaded } from '../check/weights-digest';
import { digestOnnxSource } from '../check/onnx-weights-digest';
import { isOnnxSource } from '../check/onnx-models';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const subtle = (): SubtleCrypto => {
  if (!globalThis.crypto?.subtle) throw new Error('WebCrypto is not available in this Node');
  return globalThis.crypto.subtle;
};

/** `literate weights digest PATH [--list]`: the weights digest of a model's files. */
const weightsDigestCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ['--list', '--json']);
  if (args.positionals.length !== 1)
    throw new UsageError('weights digest needs exactly one model PATH or URL');
  const path = args.positionals[0]!;
  // An .onnx file: its initializers (model/onnx/onnx-weights-digest.ts); else tf.js weight files.
  const digest = isOnnxSource(path)
    ? await digestOnnxSource(path)
    : await digestFromFiles(await loadTf(), path);
  if (args.flags.has('--json')) {
    const { entries, ...info } = digest;
    io.stdout(JSON.stringify(args.flags.has('--list') ? { ...info, entries } : info, null, 2));
    return 0;
  }
  io.stdout(digest.digest);
  io.stderr(
    `${digest.weights} weights, ${digest.bytes} bytes, hashed in ${digest.ms} ms${digest.skipped ? `, ${digest.skipped} left out (no canonical bytes)` : ''}`,
  );
  if (args.flags.has('--list'))
    for (const e of digest.entries) io.stdout(`${e.sha256}  ${e.dtype} [${e.shape.join(', ')}]  ${e.name}`);
  return 0;
};

/** `literate key new [-o KEY.json] [--signer NAME]`: a new Ed25519 key pair; the private JWK goes to a 0600 file. */
const keyNewCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['-o', '--signer'], []);
  if (args.positionals.length > 0) throw new UsageError('key new takes no positional arguments');
  const out = args.options.get('-o');
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  const publicKey = jwk.x!;
  const signer = args.options.get('--signer');
  const file = JSON.stringify({ ...jwk, ...(signer ? { signer } : {}) }, null, 2) + '\n';
  if (out === undefined) io.stdout(file);
  else {
    await writeFile(out, file, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'EEXIST' ? `${out} exists; not overwriting a key` : e.message);
    });
    io.stderr(`private key written to ${out} (keep it private; the extension never needs it)`);
  }
  io.stderr(`public key ${publicKey}\nkey id ${keyIdOf(publicKey)}`);
  return 0;
};

async function readKey(path: string): Promise<{ privateKey: CryptoKey; publicKey: string; signer?: string }> {
  let jwk: JsonWebKey & { signer?: string };
  try {
    jwk = JSON.parse(await readFile(path, 'utf8')) as JsonWebKey & { signer?: string };
  } catch (e) {
    throw new Error(`${path}: not a key file (${(e as Error).message})`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x)
    throw new Error(`${path}: not an Ed25519 private key (JWK with kty OKP, crv Ed25519, d and x)`);
  const { signer, ...key } = jwk;
  const privateKey = await subtle().importKey(
    'jwk',
    { ...key, key_ops: ['sign'] },
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  return { privateKey, publicKey: jwk.x, ...(signer ? { signer } : {}) };
}

/** `literate pack sign PACK --key KEY [--signer NAME] [-o OUT]`. */
const signCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['--key', '-o', '--signer'], []);
  if (args.positionals.length !== 1) throw new UsageError('pack sign needs exactly one PACK.json');
  const keyPath = args.options.get('--key');
  if (!keyPath)
    throw new UsageError('pack sign needs --key KEY.json (make one with: literate key new -o KEY.json)');
  const source = args.positionals[0]!;
  const text = await io.read(source);
  const validation = validatePackText(text);
  if (!validation.ok) {
    for (const error of validation.errors) io.stdout(formatValidationError(source, error));
    io.stderr(`${source}: invalid pack; not signed`);
    return 1;
  }
  const key = await readKey(keyPath);
  const signer = args.options.get('--signer') ?? key.signer;
  const signed = await signPack(
    JSON.parse(text) as Record<string, unknown>,
    key.privateKey,
    key.publicKey,
    subtle(),
    {
      ...(signer ? { signer } : {}),
      signedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    },
  );
  const out = JSON.stringify(signed, null, 2) + '\n';
  const target = args.options.get('-o');
  if (target) await io.write(target, out);
  else io.stdout(out.trimEnd());
  io.stderr(`signed with key ${keyIdOf(key.publicKey)}${signer ? ` as “${signer}”` : ''}`);
  return 0;
};

/** `literate pack verify PACK [--key-id ID]`: exit 0 only for a valid signature (by that key, when given). */
const verifyCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['--key-id'], []);
  if (args.positionals.length !== 1) throw new UsageError('pack verify needs exactly one PACK.json or URL');
  const source = args.positionals[0]!;
  let value: unknown;
  try {
    value = JSON.parse(await io.read(source));
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`);
  }
  const status = await verifyPackSignature(value, subtle());
  io.stdout(`${source}: ${describeSignature(status)}`);
  const wanted = args.options.get('--key-id');
  if (status.state === 'valid' && wanted && status.keyId !== wanted) {
    io.stdout(`${source}: signed by another key than ${wanted}`);
    return 1;
  }
  return status.state === 'valid' ? 0 : 1;
};

const MARK: Record<ItemVerdict['verdict'], string> = {
  reproduced: 'REPRODUCED ',
  differs: 'DIFFERS    ',
  'not-checkable': 'NOT CHECKED',
};

/** `literate report verify REPORT.html --model [ALIAS=]PATH …`: integrity, digests, and a re-run of every result. */
const reportVerifyCommand: Command = async (argv, io) => {
  const { specs, rest } = takeModelSpecs(argv);
  const args = parseArgs(rest, ['--timeout-ms'], ['--json']);
  if (args.positionals.length !== 1) throw new UsageError('report verify needs exactly one REPORT.html');
  const source = args.positionals[0]!;
  const integrity = checkIntegrity(extractReportData(await io.read(source)));
  const lines: string[] = [];
  const failures: string[] = [...integrity.problems];
  const { data, pack } = integrity;
  if (!data || !pack) {
    for (const p of failures) io.stdout(`TAMPERED   ${p}`);
    return 1;
  }
  lines.push(
    `Report ${source}`,
    `  pack ${data.pack.id} ${data.pack.version}, digest ${data.pack.digest}`,
    `  made ${data.generatedAt} by ${data.environment.tool} on ${data.environment.pageUrl ?? '(no page)'}`,
    `  runtime ${data.environment.runtime ?? 'unknown'}, backend ${data.environment.backend ?? 'unknown'}, browser ${data.environment.browser ?? 'unknown'}`,
    `  report digest ${integrity.problems.length === 0 ? 'intact' : 'BROKEN'} (${data.digest})`,
  );
  const signature = await verifyPackSignature(data.pack.value, subtle());
  lines.push(
    `  pack signature: ${signature.state === 'unsigned' ? 'unsigned' : describeSignature(signature)}`,
  );
  if (signature.state === 'invalid') failures.push('the pack’s signature is broken');
  if (specs.length === 0) throw new UsageError('report verify needs --model for the pack’s model(s)');

  const tf = await loadTf();
  const loaded: LoadedModel[] = [];
  for (const [i, spec] of specs.entries()) loaded.push(await loadModel(tf, spec.source, `m${i + 1}`));
  const bound = bind(pack, specs, loaded);
  const graphs = new Map<string, ModelGraph>();
  const runners = new Map<string, ModelRunner>();
  const weights = new Map<string, WeightsDigestInfo>();
  lines.push('', 'Models:');
  for (const [alias, model] of bound) {
    graphs.set(alias, model.graph);
    runners.set(alias, model.runner);
    const { entries: _e, ...digest } = await digestOfLoaded(model.model, model.kind);
    weights.set(alias, digest);
    const reported = data.run.models.find((m) => m.alias === alias);
    const fp = reported?.fingerprint === model.graph.fingerprint;
    const wd = reported?.weights?.digest === digest.digest;
    lines.push(
      `  ${alias}: fingerprint ${fp ? 'matches' : `DIFFERS (report ${reported?.fingerprint ?? 'none'}, model ${model.graph.fingerprint})`}`,
      `  ${alias}: weights digest ${wd ? 'matches' : `DIFFERS (report ${reported?.weights?.digest ?? 'none'}, model ${digest.digest})`}`,
    );
    if (!fp) failures.push(`${alias}: fingerprint differs from the report's`);
    if (!wd) failures.push(`${alias}: weights digest differs from the report's`);
  }
  const timeoutMs = Number(args.options.get('--timeout-ms') ?? 0) || undefined;
  const rerun = await runPack(pack, graphs, runners, nodeInputSource, {
    weights,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  const verdicts = compareRuns(data.run, rerun);
  lines.push('', `Results (re-run in Node, tf.js ${tf.version.tfjs} ${tf.getBackend()}):`);
  for (const v of verdicts) lines.push(`${MARK[v.verdict]} ${v.kind} ${v.id} — ${v.reason}`);
  const count = (k: ItemVerdict['verdict']): number => verdicts.filter((v) => v.verdict === k).length;
  if (count('differs') > 0) failures.push(`${count('differs')} result(s) do not reproduce`);
  if (rerun.staleness.stale !== data.run.staleness.stale)
    failures.push(
      `staleness differs: report ${data.run.staleness.stale ? 'stale' : 'current'}, re-run ${rerun.staleness.stale ? 'stale' : 'current'}`,
    );
  lines.push(
    '',
    `Summary: ${count('reproduced')} reproduced, ${count('differs')} do not, ${count('not-checkable')} cannot be re-run here.`,
    failures.length === 0
      ? 'VERIFIED: the report is intact and its results reproduce on this model.'
      : 'NOT VERIFIED:',
    ...failures.map((f) => `  - ${f}`),
  );
  if (args.flags.has('--json'))
    io.stdout(JSON.stringify({ verified: failures.length === 0, failures, verdicts, signature }, null, 2));
  else for (const line of lines) io.stdout(line);
  return failures.length === 0 ? 0 : 1;
};

export const PACK_AUDIT_COMMANDS: Record<string, Command> = { sign: signCommand, verify: verifyCommand };
export const AUDIT_GROUPS: Record<string, Record<string, Command>> = {
  key: { new: keyNewCommand },
  weights: { digest: weightsDigestCommand },
  report: { verify: reportVerifyCommand },
};
