// Stylesheets are linted like the code (@eslint/css, the project's own ESLint config): every .css file of the tree is
// covered and clean, mistakes in one are caught, and the overlay imports its stylesheets as text within its zone.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

/** The project's own stylesheets: every .css under the source folders (not node_modules, not builds). */
function stylesheets(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.css')) found.push(relative(root, path));
    }
  };
  for (const dir of ['content-scripts', 'extension', 'demos/shared']) walk(join(root, dir));
  return found.sort();
}

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('stylesheets (lint)', () => {
  it('covers every stylesheet of the tree as CSS, and each is clean', async () => {
    const files = stylesheets();
    expect(files).toContain('content-scripts/overlay/host/theme.css');
    expect(files).toContain('content-scripts/overlay/panel/panel.css');
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(join(root, file))) as { rules?: object };
      expect(Object.keys(config.rules ?? {}), file).toContain('css/no-invalid-properties');
      expect(Object.keys(config.rules ?? {}), file).not.toContain('no-unused-vars');
    }
    const results = await eslint.lintFiles(files.map((f) => join(root, f)));
    expect(
      results.flatMap((r) => r.messages.map((m) => `${relative(root, r.filePath)}: ${m.message}`)),
    ).toEqual([]);
  });

  it('catches mistakes in a stylesheet', async () => {
    const file = 'content-scripts/overlay/panel/bad.css';
    expect(await problems(file, '.lt .panel {\n  colr: red;\n}\n')).toEqual([
      expect.stringMatching(/^css\/no-invalid-properties: .*colr/),
    ]);
    expect(await problems(file, '.lt .panel {\n}\n')).toEqual([
      expect.stringMatching(/^css\/no-empty-blocks/),
    ]);
    expect(await problems(file, '.lt .panel {\n  color: red !important;\n}\n')).toEqual([
      expect.stringMatching(/^css\/no-important/),
    ]);
    expect(await problems(file, '.lt .panel {\n  color: var(--fg);\n}\n')).toEqual([]);
  });

  it("allows !important only in the shadow boundary's reset", async () => {
    const code = ':host {\n  all: initial !important;\n}\n';
    expect(await problems('content-scripts/overlay/host/theme.css', code)).toEqual([]);
    expect(await problems('content-scripts/overlay/launcher/launcher.css', code)).toHaveLength(1);
  });

  it('lets the overlay import its stylesheets as text within its zone', async () => {
    const code = "import panelCss from './panel/panel.css?raw';\nexport const css = panelCss;\n";
    expect(await problems('content-scripts/overlay/x.ts', code)).toEqual([]);
  });
});
