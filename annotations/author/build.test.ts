import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbPack, arbShortText } from '../format/testing/arbitrary-pack';
import { buildPack } from './build';
import { decompilePack } from './decompile';
import { formatAttribute, parseAttributes } from './directives';

const source = readFileSync(new URL('./fixtures/example-pack.md', import.meta.url), 'utf8');
const examplePack = JSON.parse(
  readFileSync(new URL('../format/fixtures/example-pack.json', import.meta.url), 'utf8'),
);

const header = `---
id: p
title: T
authors: [Ada]
license: MIT
version: 1.0.0
pages: [https://x.org/*]
models:
  - alias: m
---
`;

function errorsOf(markdown: string) {
  const result = buildPack(markdown);
  return result.ok ? [] : result.errors;
}

describe('buildPack', () => {
  it('builds the literate example into exactly the example pack', () => {
    const result = buildPack(source);
    expect(result.errors).toEqual([]);
    expect(result.ok && result.pack).toEqual(examplePack);
  });

  it('points build errors at source lines', () => {
    const markdown = `${header}
:::note {#a css="#x" stepp=s1}
Hello {{m.conv1.avg}}
:::

:::view {#v node=conv1 view=feature-map}
:::

stray text
:::frobnicate
:::
:::check {#c check=shape expected="[1, x]"}
:::
`;
    const errors = errorsOf(markdown);
    const lineOf = (needle: string) => markdown.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const find = (re: RegExp) => errors.find((e) => re.test(e.message));
    expect(find(/unknown attribute 'stepp'/)).toMatchObject({
      line: lineOf('stepp'),
      hint: "did you mean 'step'?",
    });
    expect(find(/'avg' is not a node statistic/)?.line).toBe(lineOf('Hello'));
    expect(find(/feature-map/)).toMatchObject({
      line: lineOf('#v'),
      hint: "did you mean 'feature-maps'?",
      pointer: '/items/1/body/view',
    });
    expect(find(/text outside a ::: block/)?.line).toBe(lineOf('stray text'));
    expect(find(/unknown block :::frobnicate/)?.line).toBe(lineOf(':::frobnicate'));
    expect(find(/JSON shape/)?.line).toBe(lineOf('#c'));
  });

  it('maps front-matter validation errors to their lines', () => {
    const markdown = header.replace('version: 1.0.0', 'version: 1.0').replace('license: MIT', 'licence: MIT');
    const errors = errorsOf(`${markdown}\n:::note {#n}\nx\n:::\n`);
    expect(errors.find((e) => e.pointer === '/version')?.line).toBe(6);
    expect(errors.find((e) => e.pointer === '/licence')).toMatchObject({
      line: 5,
      hint: "did you mean 'license'?",
    });
  });

  it('reports unclosed blocks, nesting, bad attributes and missing front matter', () => {
    expect(errorsOf(':::note\nx\n').map((e) => e.message)).toEqual(
      expect.arrayContaining(['missing front matter', ':::note block is never closed']),
    );
    const nested = errorsOf(`${header}:::note {#a}\n:::note {#b}\n:::\n`);
    expect(nested.some((e) => /cannot nest/.test(e.message))).toBe(true);
    const attrs = errorsOf(`${header}:::note {#a css="unterminated}\nx\n:::\n`);
    expect(attrs.some((e) => /unterminated/.test(e.message))).toBe(true);
  });

  it('builds equations with bindings and captions, and every check field', () => {
    const result = buildPack(`${header}
:::equation {#e display=false model=m.dense.kernel}
$$
y = W x + b
$$
- $W$ {node=dense role=kernel stat=mean format=.2f}
- $b$ {pattern="dense*" role=bias}

The caption.
:::

:::example {#ex tensor="[[1, 2], [3, 4]]" shape="[1, 4]" top1-index=3 tolerance=0.5}
:::

:::check {#c1 check=monotonic example=ex inputIndex=0 from=0 to=1 steps=4 outputIndex=2 direction=increasing}
:::

:::check {#c2 check=top1 example=ex expected-index=3}
:::
`);
    expect(result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.pack.items[0]).toEqual({
      id: 'e',
      type: 'Annotation',
      motivation: 'describing',
      kind: 'equation',
      target: { model: { type: 'ModelNodeSelector', model: 'm', node: 'dense', role: 'kernel' } },
      body: {
        type: 'Equation',
        tex: 'y = W x + b',
        display: false,
        bindings: {
          W: { node: 'dense', role: 'kernel', stat: 'mean', format: '.2f' },
          b: { pattern: 'dense*', role: 'bias' },
        },
        caption: 'The caption.',
      },
    });
    expect(result.pack.items[1]?.body).toEqual({
      type: 'Example',
      input: {
        tensor: [
          [1, 2],
          [3, 4],
        ],
        shape: [1, 4],
      },
      expected: { top1: 3, tolerance: 0.5 },
    });
    expect(result.pack.items[3]?.body).toEqual({ type: 'Check', check: 'top1', example: 'ex', expected: 3 });
  });
});

describe('decompile', () => {
  it('round-trips the example: build → decompile → build gives the same pack', () => {
    const first = buildPack(source);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const markdown = decompilePack(first.pack);
    const second = buildPack(markdown);
    expect(second.errors).toEqual([]);
    expect(second.ok && second.pack).toEqual(first.pack);
    expect(markdown).not.toContain(':::json');
  });

  it('writes an example input normalisation as mean=[…] std=[…] and round-trips it', () => {
    const markdown = `${header}
:::example {#flower image="data:image/png;base64,iVBORw0KGgo=" mean=[0.5] std=[0.5] top1="daisy"}
A daisy.
:::
`;
    const built = buildPack(markdown);
    expect(built.errors).toEqual([]);
    if (!built.ok) return;
    const example = built.pack.items[0]!;
    expect(example.kind === 'example' && example.body.input).toEqual({
      image: 'data:image/png;base64,iVBORw0KGgo=',
      normalize: { mean: [0.5], std: [0.5] },
    });
    const source = decompilePack(built.pack);
    expect(source).toMatch(/mean="\[0\.5\]" std="\[0\.5\]"/);
    expect(source).not.toContain(':::json');
    const again = buildPack(source);
    expect(again.ok && again.pack).toEqual(built.pack);
    // Half a normalisation is the validator's error, pointed at the example.
    const half = errorsOf(markdown.replace(' std=[0.5]', ''));
    expect(half.length).toBeGreaterThan(0);
    expect(JSON.stringify(half)).toMatch(/std/);
  });

  it('builds page="…" into target.pages (per-page notes), validates the patterns and decompiles back', () => {
    const markdown = `${header}
:::note {#cam css="#video" page="https://x.org/camera.html https://x.org/index.html"}
The camera.
:::
`;
    const built = buildPack(markdown);
    expect(built.errors).toEqual([]);
    if (!built.ok) return;
    expect(built.pack.items[0]!.target).toEqual({
      pages: ['https://x.org/camera.html', 'https://x.org/index.html'],
      selector: [{ type: 'CssSelector', value: '#video' }],
    });
    const again = buildPack(decompilePack(built.pack));
    expect(again.ok && again.pack).toEqual(built.pack);
    const bad = errorsOf(markdown.replace('https://x.org/index.html', 'not a url'));
    expect(JSON.stringify(bad)).toMatch(/target\/pages\/1/);
  });

  it('round-trips random valid packs through Markdown', () => {
    fc.assert(
      fc.property(arbPack(), (pack) => {
        const markdown = decompilePack(pack);
        const rebuilt = buildPack(markdown);
        expect(rebuilt.errors).toEqual([]);
        expect(rebuilt.ok && rebuilt.pack).toEqual(pack);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips packs with awkward prose (quotes, colons, :::, braces) by falling back to JSON blocks', () => {
    const awkward = fc.oneof(
      arbShortText,
      fc.constantFrom(
        ':::\nnot a block',
        '  leading',
        'a\n:::note\nb',
        '"quoted" and \'single\'',
        'x\\y',
        '{#id}',
      ),
    );
    fc.assert(
      fc.property(arbPack({ text: awkward, short: awkward }), (pack) => {
        const rebuilt = buildPack(decompilePack(pack));
        expect(rebuilt.errors).toEqual([]);
        expect(rebuilt.ok && rebuilt.pack).toEqual(pack);
      }),
      { numRuns: 150 },
    );
  });
});

describe('attributes', () => {
  it('round-trip any value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const parsed = parseAttributes(`{#x key=${formatAttribute(value)}}`);
        expect(parsed.error).toBeUndefined();
        expect(parsed.attributes.get('key')).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
