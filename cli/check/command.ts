// `literate pack check PACK --model [ALIAS=]PATH|URL …`: loads the models with tf.js in Node, runs every example
// and check of the pack, prints one line each, staleness and a summary, and optionally writes the HTML report.
import type { ModelGraph } from '../../model/model-graph';
import packageJson from '../../package.json';
import { runPack } from '../../annotations/checks/run-pack';
import type { ModelRunner, PackRunResult } from '../../annotations/checks/types';
import { formatValidationError, validatePackText } from '../../annotations/format/validate';
import type { Pack } from '../../annotations/format/types';
import type { RenderWindow } from '../../annotations/render/sanitize';
import { renderReport } from '../../annotations/report/render-report';
import { loadTexEngine } from '../../annotations/render/tex-engine';
import { matchModels } from '../../annotations/targets/match-models';
import { parseArgs } from '../literate/args';
import { UsageError, type CliIo } from '../literate/io';
import { ELEMENT_NEEDS_PAGE, nodeInputSource } from './image-source';
import { loadModel, loadTf, type LoadedModel } from './tf-models';
import { isOnnxSource, loadOnnxModel, type LoadedOnnxModel } from './onnx-models';
import { digestOfLoaded } from './weights-digest';
import { digestOnnxFileBytes } from './onnx-weights-digest';
import type { WeightsDigestInfo } from '../../model/weights-digest';

export const TOOL_VERSION = `literate ${packageJson.version}`;

export interface ModelSpec {
  alias: string | null;
  source: string;
}

/** Splits out every `--model` (repeatable), leaving the rest for parseArgs. */
export function takeModelSpecs(argv: readonly string[]): { specs: ModelSpec[]; rest: string[] } {
  const specs: ModelSpec[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--model' || arg === '-m') {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
    } else if (arg.startsWith('--model=')) value = arg.slice('--model='.length);
    else {
      rest.push(arg);
      continue;
    }
    const aliased = /^([A-Za-z_][\w-]*)=(.+)$/s.exec(value);
    specs.push(aliased ? { alias: aliased[1]!, source: aliased[2]! } : { alias: null, source: value });
  }
  return { specs, rest };
}

const STATUS_WORD: Record<string, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  'could-not-run': 'SKIP',
  ran: 'RAN ',
};

/** The plain-text report: one line per example and check, staleness, summary. */
export function formatRun(result: PackRunResult): string[] {
  const lines: string[] = [];
  for (const r of result.examples) lines.push(`${STATUS_WORD[r.status]} ${r.id} — ${r.message}`);
  for (const c of result.checks) lines.push(`${STATUS_WORD[c.status]} ${c.id} — ${c.message}`);
  lines.push('', 'Staleness:');
  for (const m of result.staleness.models) {
    lines.push(
      `  ${m.alias}${m.graphId ? ` (${m.graphId})` : ''}: ${m.stale ? 'STALE' : 'current'} — ${m.summary}`,
    );
    if (m.fingerprintMatches === false)
      lines.push(`    - fingerprint: pack ${m.expectedFingerprint}, model ${m.observedFingerprint}`);
    if (m.weightsMatch === false)
      lines.push(`    - weights digest: pack ${m.expectedWeightsDigest}, model ${m.observedWeightsDigest}`);
    for (const f of m.structureFailures) lines.push(`    - structure: the model ${f}`);
    for (const o of m.orphans) lines.push(`    - ${o.id} (${o.kind}) no longer applies: ${o.reason}`);
  }
  const s = result.summary;
  const needsPage = [...result.examples, ...result.checks].filter(
    (x) => x.status === 'could-not-run' && x.message.includes(ELEMENT_NEEDS_PAGE),
  ).length;
  lines.push(
    '',
    `Summary: ${s.pass} passed, ${s.fail} failed, ${s.couldNotRun} could not run${s.ran > 0 ? `, ${s.ran} ran without a claim` : ''}${
      result.staleness.stale ? '; the pack is stale for its model(s)' : ''
    }.`,
  );
  if (s.couldNotRun > 0)
    lines.push(
      `(Could-not-run items do not fail the check${needsPage > 0 ? `; ${needsPage} need the page (element inputs), which only the browser overlay can read` : ''}.)`,
    );
  return lines;
}

/** Binds loaded models to the pack's aliases: explicit ALIAS=, else the only target, else by matchModels. */
export function bind<M extends { graph: ModelGraph; source: string }>(
  pack: Pack,
  specs: ModelSpec[],
  loaded: M[],
): Map<string, M> {
  const aliases = pack.targets.models.map((m) => m.alias);
  const bound = new Map<string, M>();
  const unaliased: M[] = [];
  specs.forEach((spec, i) => {
    const model = loaded[i]!;
    if (spec.alias === null) return unaliased.push(model);
    if (!aliases.includes(spec.alias))
      throw new UsageError(
        `the pack has no model alias '${spec.alias}' (aliases: ${aliases.join(', ') || 'none'})`,
      );
    if (bound.has(spec.alias)) throw new UsageError(`two models given for alias '${spec.alias}'`);
    bound.set(spec.alias, model);
  });
  if (unaliased.length === 0) return bound;
  const free = pack.targets.models.filter((m) => !bound.has(m.alias));
  if (free.length === 1 && unaliased.length === 1) {
    bound.set(free[0]!.alias, unaliased[0]!);
    return bound;
  }
  const match = matchModels(
    { targets: { pages: [], models: free } },
    unaliased.map((m) => m.graph),
  );
  for (const model of unaliased) {
    const binding = match.bindings.find((b) => b.graphId === model.graph.id);
    if (!binding) {
      const reasons = match.bindings.flatMap((b) => b.reasons.filter((r) => r.startsWith(model.graph.id)));
      throw new UsageError(
        `cannot tell which alias ${model.source} is for (${reasons.join('; ') || 'no target matches it'}); write --model ALIAS=${model.source}`,
      );
    }
    bound.set(binding.alias, model);
  }
  return bound;
}

/** A DOM for the sanitizer when jsdom is installed (a clone with dev dependencies); otherwise prose shows as text. */
export async function reportWindow(): Promise<RenderWindow | undefined> {
  try {
    const name = 'jsdom';
    const { JSDOM } = (await import(/* webpackIgnore: true */ name)) as {
      JSDOM: new (html: string) => { window: RenderWindow };
    };
    return new JSDOM('<!doctype html><html><body></body></html>').window;
  } catch {
    return undefined;
  }
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { specs, rest } = takeModelSpecs(argv);
  const args = parseArgs(rest, ['--report', '--timeout-ms'], ['--json']);
  if (args.positionals.length !== 1) throw new UsageError('pack check needs exactly one PACK.json or URL');
  const source = args.positionals[0]!;
  const timeoutText = args.options.get('--timeout-ms');
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs <= 600_000))
    throw new UsageError('--timeout-ms needs a whole number of milliseconds, 1–600000');

  const validation = validatePackText(await io.read(source));
  if (!validation.ok) {
    for (const error of validation.errors) io.stdout(formatValidationError(source, error));
    io.stderr(`${source}: invalid pack (${validation.errors.length} errors); nothing was run`);
    return 1;
  }
  const pack = validation.pack;
  if (specs.length === 0 && pack.targets.models.length > 0)
    throw new UsageError(
      `pack check needs --model for the pack's model${pack.targets.models.length > 1 ? 's' : ''} (${pack.targets.models.map((m) => m.alias).join(', ')})`,
    );

  // ONNX files run on ONNX Runtime Web (wasm) in Node; tf.js is loaded only when a tf.js model is given.
  const tf = specs.every((s) => isOnnxSource(s.source)) ? null : await loadTf();
  const loaded: (LoadedModel | LoadedOnnxModel)[] = [];
  for (const [i, spec] of specs.entries()) {
    try {
      loaded.push(
        isOnnxSource(spec.source)
          ? await loadOnnxModel(spec.source, `m${i + 1}`)
          : await loadModel(tf!, spec.source, `m${i + 1}`),
      );
    } catch (error) {
      throw new Error(`cannot load model ${spec.source}: ${(error as Error).message}`);
    }
  }
  const bound = bind(pack, specs, loaded);
  const graphs = new Map<string, ModelGraph>();
  const runners = new Map<string, ModelRunner>();
  const weights = new Map<string, WeightsDigestInfo>();
  for (const [alias, model] of bound) {
    graphs.set(alias, model.graph);
    runners.set(alias, model.runner);
    if (!('model' in model)) {
      // An ONNX file: its initializers, as the content script hashes a page's session.
      const { entries: _e, external: _x, ...digest } = await digestOnnxFileBytes(model.bytes);
      weights.set(alias, digest);
      continue;
    }
    const { entries: _entries, ...digest } = await digestOfLoaded(model.model, model.kind);
    weights.set(alias, digest);
  }

  const result = await runPack(pack, graphs, runners, nodeInputSource, {
    weights,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  if (args.flags.has('--json')) io.stdout(JSON.stringify(result, null, 2));
  else for (const line of formatRun(result)) io.stdout(line);

  const reportPath = args.options.get('--report');
  if (reportPath !== undefined) {
    const window = await reportWindow();
    await loadTexEngine();
    const html = renderReport(
      pack,
      result,
      {
        pageUrl: null,
        generatedAt: new Date().toISOString(),
        toolVersion: tf
          ? `${TOOL_VERSION} (tf.js ${tf.version.tfjs}, ${tf.getBackend()})`
          : `${TOOL_VERSION} (ONNX Runtime Web ${[...bound.values()][0]?.graph.runtimeVersion ?? ''}, wasm)`,
        browser: `Node ${process.version}`,
        modelSources: Object.fromEntries([...bound].map(([alias, m]) => [alias, m.source])),
      },
      window ? { window } : {},
    );
    await io.write(reportPath, html);
    io.stderr(
      `report written to ${reportPath}${window ? '' : ' (prose as plain text: jsdom is not installed)'}`,
    );
  }
  return result.summary.fail > 0 || result.staleness.stale ? 1 : 0;
}
