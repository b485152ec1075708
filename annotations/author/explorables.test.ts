// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exportW3C } from '../interop/w3c';
import { renderAnnotation, renderMarkdown, type RenderOptions } from '../render/render-annotation';
import type { Pack } from '../format/types';
import { validatePack, validatePackText } from '../format/validate';
import { buildPack } from './build';
import { decompilePack } from './decompile';

const header = `---
id: p
title: T
authors: [Ada]
license: MIT
version: 1.0.0
pages: [https://x.org/*]
models:
  - alias: m
    labels: [cat, dog, "tabby cat"]
---
`;

const source = `${header}
:::step {#s1 title="Cover the face" highlights="patch guess lowers"}
Predict first, then move the patch.
:::

:::example {#face image="https://x.org/face.png"}
:::

:::example {#other image="https://x.org/other.png"}
:::

:::control {#patch control=slider label="Patch position" example=face param=patch axis=x size=8 at=12 min=0 max=24 increment=1 value=0}
Slide the square; the model says {{@patch.top1}} ({{@patch.score | .1%}}) at x = {{@patch.value | d}}.
:::

:::control {#x control=slider label="Feature 2" example=face param=feature feature=2 min=-1 max=1}
:::

:::control {#pick control=choice label="Pick a picture" options="face other" selected=other}
:::

:::control {#pad control=draw label="Draw a cat" motivation=editing}
:::

:::predict {#guess control=patch setting=12 options='["cat", "tabby cat"]' step=s1}
With the patch over the face, what will the model say?

???

It says {{@patch.top1}}.
:::

:::predict {#plain example=face options="cat dog"}
What is it?
:::

:::check {#lowers check=compare control=patch a=12 b=0 output=cat relation=less margin=0.05}
Moving the patch over the face lowers the score.
:::

:::check {#by-index check=compare control=pick a=face b=other output-index=1 relation=greater}
:::
`;

function built(markdown: string): Pack {
  const result = buildPack(markdown);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return result.pack;
}

describe('explorables in literate Markdown', () => {
  it('builds controls, questions and compare checks into the format', () => {
    const pack = built(source);
    const patch = pack.items.find((a) => a.id === 'patch');
    expect(patch).toEqual({
      id: 'patch',
      type: 'Annotation',
      motivation: 'describing',
      kind: 'control',
      body: {
        type: 'Control',
        control: 'slider',
        label: 'Patch position',
        example: 'face',
        param: { type: 'patch', axis: 'x', size: 8, at: 12 },
        min: 0,
        max: 24,
        step: 1,
        value: 0,
        caption:
          'Slide the square; the model says {{@patch.top1}} ({{@patch.score | .1%}}) at x = {{@patch.value | d}}.',
      },
    });
    expect(pack.items.find((a) => a.id === 'x')?.body).toMatchObject({
      param: { type: 'feature', index: 2 },
    });
    expect(pack.items.find((a) => a.id === 'pick')?.body).toMatchObject({
      options: ['face', 'other'],
      value: 'other',
    });
    expect(pack.items.find((a) => a.id === 'guess')).toMatchObject({
      motivation: 'questioning',
      step: 's1',
      body: {
        type: 'Predict',
        control: 'patch',
        setting: 12,
        question: 'With the patch over the face, what will the model say?',
        options: ['cat', 'tabby cat'],
        explanation: 'It says {{@patch.top1}}.',
      },
    });
    expect(pack.items.find((a) => a.id === 'lowers')?.body).toEqual({
      type: 'Check',
      check: 'compare',
      claim: 'Moving the patch over the face lowers the score.',
      control: 'patch',
      a: 12,
      b: 0,
      output: 'cat',
      relation: 'less',
      margin: 0.05,
    });
    expect(pack.items.find((a) => a.id === 'by-index')?.body).toMatchObject({
      a: 'face',
      b: 'other',
      output: 1,
    });
  });

  it('decompiles to attribute blocks that build back to the same pack', () => {
    const pack = built(source);
    const markdown = decompilePack(pack);
    expect(markdown).toContain(
      ':::control {#patch control=slider label="Patch position" example=face param=patch',
    );
    expect(markdown).toContain(':::predict {#guess step=s1 control=patch setting=12 options=');
    expect(markdown).toContain('\n???\n');
    expect(markdown).toContain('check=compare control=patch a=12 b=0 output=cat relation=less');
    expect(markdown).not.toContain(':::json');
    expect(built(markdown)).toEqual(pack);
  });

  it('points errors at lines and JSON paths, with reasons a person can act on', () => {
    const bad = `${header}
:::example {#face image="https://x.org/face.png"}
:::

:::control {#patch control=slider label=P example=fase param=patch axis=x size=8 at=0 min=5 max=1}
:::

:::control {#pick control=choice label=P options="face"}
:::

:::predict {#q control=patch options="cat horse"}
Which?
:::

:::predict {#q2 setting=3 options="cat dog"}
Which?
:::

:::check {#c check=compare control=patch a=40 b=oops output=bird relation=less}
:::

:::check {#d check=compare control=pad a=1 b=2 output-index=0 relation=less}
:::

:::note {#n}
{{@patch.top1}} {{@nope.value}} {{@patch.colour}}
:::
`;
    const result = buildPack(bad);
    expect(result.ok).toBe(false);
    const errors = result.ok
      ? []
      : result.errors.map((e) => `${e.line} ${e.pointer ?? '-'} ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    const expectOne = (pattern: RegExp) =>
      expect(
        errors.filter((e) => pattern.test(e)),
        errors.join('\n'),
      ).toHaveLength(1);
    expectOne(/^16 \/items\/1\/body\/example unknown example 'fase' \(did you mean 'face'\?\)/);
    expectOne(/^16 \/items\/1\/body\/max max must be above min/);
    expectOne(/^19 \/items\/2\/body\/options .*at least 2/);
    expectOne(/^22 \/items\/3\/body\/options\/1 'horse' is not a label of the model/);
    expectOne(/^26 \/items\/4\/body .*(control|example)/);
    expectOne(/^30 \/items\/5\/body\/a 40 is outside the slider's range \[5, 1\]/);
    expectOne(/^30 \/items\/5\/body\/b a slider setting is a number, not 'oops'/);
    expectOne(/^30 \/items\/5\/body\/output 'bird' is not a label of the model/);
    expectOne(/^33 \/items\/6\/body\/control unknown control 'pad'/);
    expectOne(/^37 \/items\/7\/body\/value live value \{\{@nope.value\}\} names unknown control 'nope'/);
    expectOne(/^37 \/items\/7\/body\/value live value \{\{@patch.colour\}\}: cannot read/);
  });

  it('reports JSON errors with line and column in a pack file', () => {
    const pack = built(source) as unknown as { items: { id: string; body: Record<string, unknown> }[] };
    const pad = pack.items.find((a) => a.id === 'pad')!;
    pad.body.control = 'paint';
    const text = JSON.stringify(pack, null, 2);
    const result = validatePackText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.pointer.endsWith('/body/control'));
    expect(error?.reason).toMatch(/slider|choice|draw/);
    expect(error?.line).toBe(text.split('\n').findIndex((l) => l.includes('"paint"')) + 1);
  });

  it('bounds sizes: options and slider positions', () => {
    const pack = built(source) as unknown as { items: { id: string; body: Record<string, unknown> }[] };
    pack.items.find((a) => a.id === 'pick')!.body.options = Array.from({ length: 13 }, () => 'face');
    pack.items.find((a) => a.id === 'x')!.body.step = 1e-6;
    const result = validatePack(pack);
    const reasons = result.ok ? [] : result.errors.map((e) => `${e.pointer} ${e.reason}`);
    expect(
      reasons.some((r) => /^\/items\/\d+\/body\/options .*12/.test(r)),
      reasons.join('\n'),
    ).toBe(true);
    expect(
      reasons.some((r) => /\/body\/step a slider may have at most 10000 positions/.test(r)),
      reasons.join('\n'),
    ).toBe(true);
  });
});

describe('rendering explorables', () => {
  const options: RenderOptions = { window: window as unknown as RenderOptions['window'] };
  it('renders a control placeholder and live control values, escaped and sanitized', () => {
    const pack = built(source);
    const control = pack.items.find((a) => a.id === 'patch')!;
    const html = renderAnnotation(control, options).html;
    expect(html).toContain('data-lit-control="patch"');
    expect(html).toContain('data-lit-control-value="@patch.score" data-lit-format=".1%"');
    const evil = {
      ...control,
      body: { ...control.body, label: '<img src=x onerror=alert(1)>' },
    } as typeof control;
    const out = renderAnnotation(evil, options).html;
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('&lt;img');
    const template = document.createElement('template');
    template.innerHTML = renderMarkdown('{{@patch.top1" onclick="x}} {{@patch.output.2 | .2f}}', options);
    expect(template.content.querySelectorAll('[onclick]')).toHaveLength(0);
    expect(template.content.querySelector('[data-lit-error]')?.textContent).toBe(
      '{{@patch.top1" onclick="x}}',
    );
    expect(
      template.content.querySelector('[data-lit-control-value]')?.getAttribute('data-lit-control-value'),
    ).toBe('@patch.output.2');
  });
  it('renders a question with its options and no answer', () => {
    const pack = built(source);
    const html = renderAnnotation(
      pack.items.find((a) => a.id === 'guess')!,
      options,
    ).html;
    expect(html).toContain('data-lit-predict="guess"');
    expect(html).toContain('<li>tabby cat</li>');
    expect(html).not.toContain('It says');
  });
});

describe('W3C export of explorables', () => {
  it('carries page-anchored controls and questions as text and says what it dropped', () => {
    const pack = built(source);
    for (const item of pack.items)
      if (item.id === 'patch' || item.id === 'guess')
        item.target = { selector: [{ type: 'CssSelector', value: '#photo' }] };
    const { collection, skipped } = exportW3C(pack);
    const items = (collection.first as { items: { id: string; body: { value: string } }[] }).items;
    expect(items.map((i) => i.id)).toEqual(['urn:literate:p:patch', 'urn:literate:p:guess']);
    expect(items[0]?.body.value).toMatch(/^\*\*Patch position\*\*\n\nSlide the square/);
    expect(items[1]?.body.value).toBe(
      'With the patch over the face, what will the model say?\n\n- cat\n- tabby cat',
    );
    expect(skipped).toContainEqual({
      id: 'guess',
      reason: expect.stringMatching(/reveal and its explanation are dropped/),
    });
    expect(skipped).toContainEqual({ id: 'pad', reason: 'not anchored to the page' });
    expect(skipped).toContainEqual({ id: 'lowers', reason: 'a check has no W3C equivalent' });
  });
});
