import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScalar, parseFrontMatter, parseScalar } from './front-matter';

describe('parseFrontMatter', () => {
  it('reads mappings, sequences of scalars and of mappings, flow lists, quotes and comments', () => {
    const { value, errors, lines } = parseFrontMatter(
      [
        '# a comment',
        'title: "Quoted: with colon"',
        "single: 'it''s'",
        'version: 1.0.0   # trailing comment',
        'authors:',
        '  - name: Ada',
        '    url: https://example.org/ada',
        '  - Grace',
        'pages:',
        '- https://*.example.org/*',
        'models:',
        '  - alias: m',
        '    structure:',
        '      params: 12',
        '      nodes:',
        '        - name: conv1',
        '          outputShape: [null, 26, 8]',
        '    labels: [a, "b, c", \'d\']',
        'empty:',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      title: 'Quoted: with colon',
      single: "it's",
      version: '1.0.0',
      authors: [{ name: 'Ada', url: 'https://example.org/ada' }, 'Grace'],
      pages: ['https://*.example.org/*'],
      models: [
        {
          alias: 'm',
          structure: { params: '12', nodes: [{ name: 'conv1', outputShape: [null, '26', '8'] }] },
          labels: ['a', 'b, c', 'd'],
        },
      ],
      empty: null,
    });
    expect(lines.get('/models/0/structure/nodes/0/name')).toBe(16);
    expect(lines.get('/authors/1')).toBe(8);
  });

  it('reports errors with line and column instead of throwing', () => {
    const cases: [string, number][] = [
      ['title: "open', 10],
      ['a: 1\n  bad indent: 1', 10], // YAML reads '1 bad indent' as one multi-line key
      ['a: 1\nno colon here', 11],
      ['\tk: v', 10],
      ['k: v\nk: w', 11],
      ['a: &x v\nb: *x', 11],
    ];
    for (const [text, line] of cases) {
      const { errors } = parseFrontMatter(text, 10);
      expect(errors.length, text).toBeGreaterThan(0);
      expect(errors[0]?.line, text).toBe(line);
      expect(errors[0]?.column, text).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps every scalar the string the author wrote (no YAML 1.1 booleans, numbers or dates)', () => {
    const { value, errors } = parseFrontMatter(
      'version: 1.10\nflag: yes\nno: off\nn: 012\nd: 2026-12-05\nq: "null"\nz: null\nt: ~',
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      version: '1.10',
      flag: 'yes',
      no: 'off',
      n: '012',
      d: '2026-12-05',
      q: 'null',
      z: null,
      t: null,
    });
  });

  it('reads the YAML the old subset refused: flow mappings and block scalars', () => {
    const { value, errors } = parseFrontMatter('x: {a: 1, b: [c]}\nd: |\n  two\n  lines\n');
    expect(errors).toEqual([]);
    expect(value).toEqual({ x: { a: '1', b: ['c'] }, d: 'two\nlines\n' });
  });

  it('does not let __proto__ keys pollute objects', () => {
    const { value } = parseFrontMatter('__proto__:\n  polluted: yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseFrontMatter(text);
        expect(Array.isArray(result.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatScalar', () => {
  it('round-trips any string through parseScalar', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(parseScalar(formatScalar(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
  it('keeps simple values plain and quotes ambiguous ones', () => {
    expect(formatScalar('https://x.org/a')).toBe('https://x.org/a');
    expect(formatScalar('true')).toBe('"true"');
    expect(formatScalar('a: b')).toBe('"a: b"');
    expect(formatScalar('x #y')).toBe('"x #y"');
  });
});
