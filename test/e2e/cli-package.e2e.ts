// The published CLI as a user gets it: `npm pack` of @literate-dl/cli (scripts/package-cli.ts, from the built
// dist/cli), installed offline into an empty folder, then every command run from there with no dev dependencies,
// no tsx and no tf.js (an optional peer that `pack check` asks for by name).

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packCli, type CliPackage } from '../../scripts/package-cli';

const root = resolve(import.meta.dirname, '../..');
const exampleMd = join(root, 'annotations/author/fixtures/example-pack.md');
const exampleJson = join(root, 'annotations/format/fixtures/example-pack.json');

let work: string;
let app: string;
let packed: CliPackage;

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed `literate` (its bin link, as npm made it) in the empty folder. */
function literate(args: string[], input?: string): Result {
  try {
    const stdout = execFileSync(join(app, 'node_modules/.bin/literate'), args, {
      cwd: app,
      encoding: 'utf8',
      input: input ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: '' },
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'literate-cli-package-'));
  packed = packCli(root, join(work, 'packages'));
  app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', packed.tarball], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('@literate-dl/cli from its tarball in an empty folder', () => {
  it('installs alone: no dependencies, no tf.js, a bin that is compiled JavaScript', () => {
    expect(packed.name).toBe('@literate-dl/cli');
    expect(readdirSync(join(app, 'node_modules'))).toEqual(['.bin', '.package-lock.json', '@literate-dl']);
    const manifest = JSON.parse(
      readFileSync(join(app, 'node_modules/@literate-dl/cli/package.json'), 'utf8'),
    );
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependenciesMeta['@tensorflow/tfjs'].optional).toBe(true);
    expect(readFileSync(join(app, 'node_modules/@literate-dl/cli/bin/literate.js'), 'utf8')).not.toMatch(
      /tsx/,
    );
  });

  it('--version prints the repository version', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(literate(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('pack build compiles Markdown to the same pack as the source tree, from a file and from stdin', () => {
    const expected = JSON.parse(readFileSync(exampleJson, 'utf8'));
    const out = join(app, 'pack.json');
    const built = literate(['pack', 'build', exampleMd, '-o', out]);
    expect(built.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(expected);
    const piped = literate(['pack', 'build', '-'], readFileSync(exampleMd, 'utf8'));
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(expected);
  });

  it('pack validate: 0 for a valid pack (also on stdin), 1 with FILE:LINE:COL errors, 2 for a missing file', () => {
    expect(literate(['pack', 'validate', exampleJson])).toMatchObject({ status: 0 });
    expect(literate(['pack', 'validate', '-'], readFileSync(exampleJson, 'utf8')).stdout).toMatch(
      /^-: valid \(6 annotations\)/,
    );
    const broken = join(app, 'broken.json');
    writeFileSync(broken, readFileSync(exampleJson, 'utf8').replace('"1.0.0"', '"1.0"'));
    const invalid = literate(['pack', 'validate', broken]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(/broken\.json:\d+:\d+ {2}\/version {2}must be a semantic version/);
    expect(literate(['pack', 'validate', join(app, 'missing.json')]).status).toBe(2);
  });

  it('pack export --w3c writes a W3C AnnotationCollection', () => {
    const exported = literate(['pack', 'export', '--w3c', exampleJson]);
    expect(exported.status).toBe(0);
    const collection = JSON.parse(exported.stdout);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
  });

  it('--help per command, and usage errors exit 2', () => {
    for (const command of ['pack build', 'pack validate', 'pack export', 'pack preview', 'pack check']) {
      const help = literate([...command.split(' '), '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: literate ${command} `));
      expect(help.stdout).toMatch(/Exit status:/);
    }
    const unknown = literate(['pack', 'build', exampleMd, '--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --bogus/);
  });

  it('pack check without tf.js says how to install it and exits 2', () => {
    const check = literate(['pack', 'check', exampleJson, '--model', `m=${join(app, 'model.json')}`]);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/optional peer/);
    expect(check.stderr).toMatch(/npm install @tensorflow\/tfjs@\^4\.22\.0/);
  });

  it('pack preview serves the pack it built and stops on SIGINT with 0', async () => {
    const child = spawn(
      join(app, 'node_modules/.bin/literate'),
      ['pack', 'preview', exampleMd, '--port', '0'],
      {
        cwd: app,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await expect
      .poll(() => /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/preview\/pack\.json)/.exec(stdout)?.[1], {
        timeout: 20_000,
      })
      .toBeTruthy();
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/preview\/pack\.json)/.exec(stdout)![1]!;
    expect(stdout).toContain(`#literate=${encodeURIComponent(url)}`);
    const served = await (await fetch(url)).json();
    expect(served).toEqual(JSON.parse(readFileSync(exampleJson, 'utf8')));
    expect((await fetch(url.replace('/preview/pack.json', '/demos/'))).status).toBe(404);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
