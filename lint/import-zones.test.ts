// The import zones catch what they are for: deliberately bad imports, linted with the project's own ESLint config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importAllowed, importTarget, zoneOf } from './import-zones.js';
import { ZONES } from '../eslint.config.js';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'literate/import-zones').map((m) => m.message);
}

describe('import zones (lint)', () => {
  it.each([
    [
      'annotations/format/bad.ts',
      "import { installHook } from '../../content-scripts/hook/index';",
      /annotations\/ .* may not import/,
    ],
    [
      'annotations/checks/bad.ts',
      "import { run } from '../../cli/literate/main';",
      /may not import '..\/..\/cli\/literate\/main'/,
    ],
    [
      'model/describe/bad.ts',
      "import type { PageSnapshot } from '../../protocol/bridge';",
      /model\/ .* may not import/,
    ],
    ['content-scripts/hook/bad.ts', "import { App } from '../overlay/app';", /the hook .* may not import/],
    [
      'content-scripts/relay/bad.ts',
      "import { store } from '../../extension/background/packs/store';",
      /content scripts may not import/,
    ],
    [
      'extension/background/bad.ts',
      "import { relay } from '../../content-scripts/relay/index';",
      /the background may not import/,
    ],
    [
      'extension/popup/bad.ts',
      "import { KEYS } from '../background/packs/schema';",
      /extension pages may not import/,
    ],
    [
      'extension/options/bad.ts',
      "export * from '../../content-scripts/overlay/app';",
      /extension pages may not import/,
    ],
    ['protocol/bad.ts', "const m = import('../extension/background/index');", /protocol\/ .* may not import/],
    ['base/bad.ts', "import type { ModelGraph } from '../model/model-graph';", /base\/ .* may not import/],
    [
      'annotations/render/bad.ts',
      "import { readFileSync } from 'node:fs';",
      /browser code never imports Node modules/,
    ],
    [
      'content-scripts/overlay/bad.ts',
      "import { join } from 'path';",
      /browser code never imports Node modules/,
    ],
  ])('refuses %s: %s', async (file, code, message) => {
    const errors = await zoneErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['annotations/format/good.ts', "import type { ModelGraph } from '../../model/model-graph';"],
    ['content-scripts/hook/good.ts', "import { isRec } from '../../base/is-record';"],
    ['content-scripts/hook/good.ts', "import { BRIDGE_LIMITS } from '../../protocol/bridge';"],
    ['content-scripts/overlay/good.ts', "import { validatePack } from '../../annotations/format/validate';"],
    ['extension/background/good.ts', "import { parseRuntimeMessage } from '../../protocol/runtime';"],
    [
      'cli/literate/good.ts',
      "import { readFileSync } from 'node:fs';\nimport { describeModel } from '../../model/describe/describe-model';",
    ],
    ['annotations/format/good.test.ts', "import { readFileSync } from 'node:fs';"],
  ])('allows %s', async (file, code) => {
    expect(await zoneErrors(file, code)).toEqual([]);
  });

  it('gives every browser folder of the tree a zone', () => {
    for (const file of [
      'base/x.ts',
      'model/x.ts',
      'protocol/x.ts',
      'annotations/x.ts',
      'content-scripts/hook/x.ts',
      'content-scripts/relay/x.ts',
      'content-scripts/overlay/x.tsx',
      'extension/background/x.ts',
      'extension/popup/x.tsx',
      'extension/browser.ts',
    ]) {
      expect(zoneOf(file, ZONES), file).toBeDefined();
    }
    expect(zoneOf('cli/literate/main.ts', ZONES)).toBeUndefined();
  });

  it('resolves specifiers against the tree', () => {
    expect(importTarget('../../model/model-graph', 'annotations/format/types.ts')).toBe('model/model-graph');
    expect(importTarget('node:fs', 'x.ts')).toBe('node:');
    expect(importTarget('fs/promises', 'x.ts')).toBe('node:');
    expect(importTarget('preact/hooks', 'x.ts')).toBeNull();
    const hook = zoneOf('content-scripts/hook/index.ts', ZONES)!;
    expect(importAllowed('content-scripts/hookish/x', hook)).toBe(false);
    expect(importAllowed('content-scripts/hook/tap/x', hook)).toBe(true);
  });
});
