// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import pack from '../format/fixtures/example-pack.json';
import type { Annotation, Pack } from '../format/types';
import { renderAnnotation, renderMarkdown, renderTex, type RenderOptions } from './render-annotation';

const options: RenderOptions = { window: window as unknown as RenderOptions['window'] };
const dom = (html: string): DocumentFragment => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
};
const note = (value: string): Annotation => ({
  id: 'n',
  type: 'Annotation',
  motivation: 'commenting',
  kind: 'note',
  body: { type: 'TextualBody', format: 'text/markdown', value },
});

describe('renderMarkdown', () => {
  it('renders CommonMark but not raw HTML', () => {
    const html = renderMarkdown('# Title\n\n*em* **strong** `code`\n\n- a\n- b\n\n<b>raw</b>', options);
    const root = dom(html);
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('b')).toBeNull();
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt;');
  });

  it('opens only http(s) links, in a new tab without opener or referrer', () => {
    const root = dom(
      renderMarkdown(
        '[a](https://ok.example/x) [b](mailto:x@y.example) [c](/relative) https://auto.example/',
        options,
      ),
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://ok.example/x',
      null,
      null,
      'https://auto.example/',
    ]);
    for (const a of links)
      expect([a.getAttribute('rel'), a.getAttribute('target')]).toEqual(['noopener noreferrer', '_blank']);
  });

  it('keeps https and data:image pictures only', () => {
    const root = dom(
      renderMarkdown(
        '![a](https://ok.example/a.png) ![b](http://x.example/b.png) ![c](data:image/png;base64,iVBORw0KGgo=) ![d](data:image/svg+xml;base64,PHN2Zz4=)',
        options,
      ),
    );
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('alt'))).toEqual(['a', 'c']);
    expect(root.querySelector('img')?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(root.textContent).toContain('b');
  });

  it('renders inline and display TeX as MathML, and leaves \\$ and code alone', () => {
    const root = dom(
      renderMarkdown('Costs 5 $ and $x^2$ and \\$y$ and `$z$`\n\n$$\n\\frac{a}{b}\n$$', options),
    );
    const maths = root.querySelectorAll('math');
    expect(maths).toHaveLength(2);
    expect(maths[1]?.getAttribute('display')).toBe('block');
    expect(root.querySelector('mfrac')).not.toBeNull();
    expect(root.querySelector('code')?.textContent).toBe('$z$');
  });

  it('shows TeX errors visibly', () => {
    const root = dom(renderMarkdown('$\\frac{1$', options));
    expect(root.querySelector('[data-lit-error]')).not.toBeNull();
    expect(root.querySelector('.lit-error-message')?.textContent).toMatch(/TeX error/);
  });

  it('never trusts pack TeX: \\href, \\url, \\html… and \\includegraphics do nothing', () => {
    const html = renderTex(
      '\\href{https://x.example}{a} \\url{https://x.example} \\htmlClass{c}{b} \\includegraphics{https://x.example/i.png}',
      false,
      options,
    );
    expect(dom(html).querySelector('a, img, [href]')).toBeNull();
  });

  it('turns live values into escaped placeholders, and bad ones into visible errors', () => {
    const root = dom(
      renderMarkdown(
        'Mean {{ cnn.conv1.mean | .3f }}, bad {{cnn..x}}, code `{{x}}`, escaped \\{{y}}',
        options,
      ),
    );
    const live = root.querySelector('[data-lit-live]');
    expect(live?.getAttribute('data-lit-live')).toBe('cnn.conv1.mean');
    expect(live?.getAttribute('data-lit-format')).toBe('.3f');
    expect(root.querySelector('.lit-error')?.getAttribute('data-lit-error')).toMatch(/cannot read/);
    expect(root.textContent).toContain('{{x}}');
    expect(root.textContent).toContain('{{y}}');
  });
});

describe('renderAnnotation', () => {
  const items = (pack as unknown as Pack).items;
  const rendered = items.map((a) =>
    renderAnnotation(a, { ...options, labels: { cnn: pack.targets.models[0]?.labels ?? [] } }),
  );

  it('renders every kind of the example pack with its id and kind', () => {
    for (const [i, r] of rendered.entries()) {
      const root = dom(r.html).firstElementChild;
      expect(root?.getAttribute('data-lit-id')).toBe(items[i]?.id);
      expect(root?.getAttribute('data-lit-kind')).toBe(items[i]?.kind);
      expect(r.errors).toEqual([]);
    }
  });

  it('reports the live values of a note', () => {
    expect(rendered[0]?.liveValues).toEqual([
      { alias: 'cnn', stat: 'params', format: 'd' },
      { alias: 'cnn', node: 'conv1', stat: 'mean', format: '.3f' },
    ]);
  });

  it('marks bound equation symbols in the MathML, larger symbols first', () => {
    const equation = rendered[1];
    expect(equation?.symbols).toEqual(['W_c', 'b_c']);
    const marked = dom(equation?.html ?? '').querySelector('.lit-equation-math [data-lit-symbol="W_c"]');
    expect(marked?.localName).toBe('msub');
    const both = renderAnnotation(
      {
        id: 'e',
        type: 'Annotation',
        motivation: 'describing',
        kind: 'equation',
        body: {
          type: 'Equation',
          tex: 'W x + W^{(1)} x',
          bindings: { W: { node: 'a' }, 'W^{(1)}': { node: 'b' } },
        },
      },
      options,
    );
    const math = dom(both.html).querySelector('.lit-equation-math');
    expect(
      [...(math?.querySelectorAll('[data-lit-symbol]') ?? [])].map((e) => [
        e.localName,
        e.getAttribute('data-lit-symbol'),
      ]),
    ).toEqual([
      ['mi', 'W'],
      ['msup', 'W^{(1)}'],
    ]);
  });

  it('renders views as placeholders with their options, and checks with a pending result', () => {
    const view = dom(rendered[2]?.html ?? '').querySelector('[data-lit-view]');
    expect(view?.getAttribute('data-lit-view')).toBe('feature-maps');
    expect(JSON.parse(view?.getAttribute('data-lit-options') ?? '')).toEqual({ channels: [0, 1, 2, 3] });
    const check = dom(rendered[4]?.html ?? '');
    expect(check.querySelector('[data-lit-check="shape-check"]')?.getAttribute('data-lit-check-status')).toBe(
      'pending',
    );
    expect(check.querySelector('.lit-check-spec')?.textContent).toBe('shape is [any, 26, 26, 8]');
  });

  it('shows expected classes given by index with their label', () => {
    const example: Annotation = {
      id: 'x',
      type: 'Annotation',
      motivation: 'assessing',
      kind: 'example',
      body: { type: 'Example', input: { image: 'https://ok.example/7.png' }, expected: { top1: 7 } },
    };
    const html = renderAnnotation(example, {
      ...options,
      labels: { cnn: pack.targets.models[0]?.labels ?? [] },
    }).html;
    expect(dom(html).querySelector('strong')?.textContent).toBe('seven (#7)');
    expect(dom(html).querySelector('img')?.getAttribute('src')).toBe('https://ok.example/7.png');
  });

  it('drops a non-https example image', () => {
    const example: Annotation = {
      id: 'x',
      type: 'Annotation',
      motivation: 'assessing',
      kind: 'example',
      body: { type: 'Example', input: { image: 'http://x.example/7.png' } },
    };
    expect(dom(renderAnnotation(example, options).html).querySelector('img')).toBeNull();
    expect(renderAnnotation(note('plain'), options).html).toContain('<p>plain</p>');
  });
});
