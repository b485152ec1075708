// `npm test`: every check, in stages; within a stage, checks that do not depend on each other run side by side, so
// the whole suite fits CI's 30 minutes on two cores. Each line is prefixed with its check; a table of times closes.
import { spawn } from 'node:child_process';

/** A stage's lanes run at once; the scripts of one lane run one after another. */
type Lane = readonly string[];
const STAGES: readonly (readonly Lane[])[] = [
  [['typecheck'], ['lint'], ['test:unit']],
  [['build']],
  [['test:e2e'], ['lint:firefox', 'test:e2e:firefox']],
];

interface Timing {
  script: string;
  seconds: number;
  ok: boolean;
}

function run(script: string, prefix: boolean): Promise<Timing> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env['FORCE_COLOR'] ?? '0' },
    });
    const tag = prefix ? `[${script}] ` : '';
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`${tag}${line}\n`);
      });
      stream.on('end', () => {
        if (rest) out.write(`${tag}${rest}\n`);
      });
    }
    child.on('close', (code) => resolve({ script, seconds: (Date.now() - started) / 1000, ok: code === 0 }));
  });
}

async function runLane(lane: Lane, prefix: boolean): Promise<Timing[]> {
  const done: Timing[] = [];
  for (const script of lane) {
    const timing = await run(script, prefix);
    done.push(timing);
    if (!timing.ok) break;
  }
  return done;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const timings: Timing[] = [];
  const started = Date.now();
  for (const stage of STAGES) {
    const lanes = stage
      .map((lane) => lane.filter((s) => only.length === 0 || only.includes(s)))
      .filter((lane) => lane.length > 0);
    if (!lanes.length) continue;
    console.log(`\n== ${lanes.map((l) => l.join(' → ')).join('  |  ')}`);
    const results = (await Promise.all(lanes.map((lane) => runLane(lane, lanes.length > 1)))).flat();
    timings.push(...results);
    const failed = results.filter((r) => !r.ok);
    if (failed.length) {
      report(timings, started);
      console.error(`\nnpm test: failed: ${failed.map((f) => f.script).join(', ')}`);
      process.exit(1);
    }
  }
  report(timings, started);
}

function report(timings: readonly Timing[], started: number): void {
  console.log('\n| check | seconds | result |\n|---|---:|---|');
  for (const t of timings)
    console.log(`| ${t.script} | ${t.seconds.toFixed(0)} | ${t.ok ? 'ok' : 'FAILED'} |`);
  console.log(`| all (wall clock) | ${((Date.now() - started) / 1000).toFixed(0)} | |`);
}

void main();
