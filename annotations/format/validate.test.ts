import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatValidationError, validatePack, validatePackText } from './validate';
import { LIMITS } from './limits';

const exampleText = readFileSync(new URL('./fixtures/example-pack.json', import.meta.url), 'utf8');
const example = (): Record<string, any> => JSON.parse(exampleText);

function errorsOf(value: unknown) {
  const result = validatePack(value);
  return result.ok ? [] : result.errors;
}

describe('validatePack', () => {
  it('accepts the example pack', () => {
    const result = validatePackText(exampleText);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('requires title, authors, license, version and targets', () => {
    const pack = example();
    for (const key of ['title', 'authors', 'license', 'version', 'targets']) delete pack[key];
    const reasons = errorsOf(pack).map((e) => e.reason);
    for (const key of ['title', 'authors', 'license', 'version', 'targets'])
      expect(reasons).toContain(`missing required property '${key}'`);
  });

  it('reports every error at once, each with a pointer and a hint where one helps', () => {
    const pack = example();
    pack.items[0].motivaton = pack.items[0].motivation;
    delete pack.items[0].motivation;
    pack.items[2].body.view = 'feature-map';
    pack.version = '1.0';
    pack.items[1].body.bindings.W_c.model = 'cnnn';
    const errors = errorsOf(pack);
    const byPointer = new Map(errors.map((e) => [e.pointer, e]));
    expect(byPointer.get('/items/0/motivaton')?.hint).toBe("did you mean 'motivation'?");
    expect(byPointer.get('/items/2/body/view')?.hint).toBe("did you mean 'feature-maps'?");
    expect(byPointer.get('/version')?.reason).toMatch(/semantic version/);
    expect(byPointer.get('/items/1/body/bindings/W_c/model')?.reason).toBe("unknown model alias 'cnnn'");
    expect(byPointer.get('/items/1/body/bindings/W_c/model')?.hint).toBe("did you mean 'cnn'?");
    expect(errors.length).toBeGreaterThanOrEqual(5);
  });

  it('finds duplicate ids, unknown steps, unknown highlights and non-example references', () => {
    const pack = example();
    pack.items[1].id = 'intro';
    pack.items[0].step = 'nope';
    pack.steps[1].highlights.push('ghost');
    pack.items[5].body.example = 'shape-check';
    const reasons = errorsOf(pack).map((e) => `${e.pointer} ${e.reason}`);
    expect(reasons).toContain("/items/1/id duplicate annotation id 'intro'");
    expect(reasons).toContain("/items/0/step unknown step 'nope'");
    expect(reasons).toContain("/steps/1/highlights/2 unknown annotation id 'ghost'");
    expect(reasons).toContain(
      "/items/5/body/example unknown example (that annotation is not an example) 'shape-check'",
    );
  });

  it('asks for a model alias when several models are targeted', () => {
    const pack = example();
    pack.targets.models.push({ alias: 'other' });
    const errors = errorsOf(pack);
    expect(errors.some((e) => e.pointer === '/items/4/target/model' && /several models/.test(e.reason))).toBe(
      true,
    );
  });

  it('checks live-value syntax and aliases in Markdown, but not inside code', () => {
    const pack = example();
    pack.items[0].body.value = 'A {{cnn.conv1.avg}} B {{net.params}} C `{{not.checked}}` D \\{{literal}}';
    const reasons = errorsOf(pack).map((e) => e.reason);
    expect(reasons.some((r) => r.includes("'avg' is not a node statistic"))).toBe(true);
    expect(reasons.some((r) => r.includes("unknown model alias 'net'"))).toBe(true);
    expect(reasons.some((r) => r.includes('not.checked'))).toBe(false);
    expect(reasons.some((r) => r.includes('literal'))).toBe(false);
  });

  it('enforces exclusive model locators, nth only with op, and channel xor unit', () => {
    const pack = example();
    pack.items[4].target.model = {
      type: 'ModelNodeSelector',
      node: 'a',
      index: 2,
      nth: 1,
      channel: 1,
      unit: 2,
    };
    const reasons = errorsOf(pack).map((e) => e.reason);
    expect(reasons).toContain("give only one of 'node', 'pattern', 'index'; found node and index");
    expect(reasons).toContain("give only one of 'channel', 'unit'; found channel and unit");
    expect(reasons).toContain("'nth' needs 'op'");
  });

  it('refuses costly or invalid regex patterns', () => {
    const pack = example();
    pack.items[4].target.model = { type: 'ModelNodeSelector', pattern: '/(a+)+$/' };
    expect(errorsOf(pack).map((e) => e.reason)).toContain(
      'regex too costly: no nested quantifiers or backreferences',
    );
    pack.items[4].target.model = { type: 'ModelNodeSelector', pattern: '/[/' };
    expect(errorsOf(pack).some((e) => e.reason.startsWith('invalid regex'))).toBe(true);
  });

  it('enforces limits: item count, TeX length, nesting depth', () => {
    const pack = example();
    pack.items[1].body.tex = 'x'.repeat(LIMITS.texLength + 1);
    const note = pack.items[0];
    pack.items = [
      ...pack.items,
      ...Array.from({ length: LIMITS.items }, (_, i) => ({ ...note, id: `n${i}` })),
    ];
    const reasons = errorsOf(pack).map((e) => e.reason);
    expect(reasons).toContain(`has ${LIMITS.items + 6} entries; the limit is ${LIMITS.items}`);
    expect(reasons).toContain(`is ${LIMITS.texLength + 1} characters long; the limit is ${LIMITS.texLength}`);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(errorsOf({ ...example(), description: deep })[0]?.reason).toMatch(/nested deeper/);
    expect(validatePackText(JSON.stringify({ a: deep })).errors[0]?.reason).toMatch(/nested deeper/);
  });

  it('rejects a pack over the size limit without parsing it', () => {
    const result = validatePackText(' '.repeat(LIMITS.packBytes + 1));
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.reason).toMatch(/bytes; the limit is/);
  });

  it('rejects a wrong format version and a wrong @context', () => {
    const pack = example();
    pack.literate = '2';
    pack['@context'] = ['http://www.w3.org/ns/anno.jsonld'];
    const pointers = errorsOf(pack).map((e) => e.pointer);
    expect(pointers).toContain('/literate');
    expect(pointers).toContain('/@context');
  });

  it('survives cyclic objects', () => {
    const pack = example();
    pack.items[0].body.self = pack;
    expect(validatePack(pack).ok).toBe(false);
  });
});

describe('validatePackText positions', () => {
  it('maps errors to the line and column of the offending value or key', () => {
    const text = exampleText.replace('"motivation": "commenting"', '"motivaton": "commenting"');
    const result = validatePackText(text);
    const error = result.errors.find((e) => e.pointer === '/items/0/motivaton');
    const line = text.split('\n').findIndex((l) => l.includes('"motivaton"')) + 1;
    expect(error?.line).toBe(line);
    expect(error?.column).toBe((text.split('\n')[line - 1] ?? '').indexOf('"motivaton"') + 1);
  });

  it('reports syntax errors with a position and hint', () => {
    const cases: [string, RegExp, number, number][] = [
      ['{\n  "a": 1,\n}', /trailing comma/, 3, 1],
      ["{'a': 1}", /double quotes/, 1, 2],
      ['{\n // hi\n}', /comments/, 2, 2],
      ['{"a": [1, 2', /end of text/, 1, 12],
      ['{"a": NaN}', /NaN/, 1, 7],
      ['{"a": 1} x', /after the end/, 1, 10],
      ['{"a": 01}', /leading zeros/, 1, 7],
    ];
    for (const [text, reason, line, column] of cases) {
      const result = validatePackText(text);
      expect(result.ok).toBe(false);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.reason).toMatch(reason);
      expect([result.errors[0]?.line, result.errors[0]?.column]).toEqual([line, column]);
    }
  });

  it('flags duplicate keys', () => {
    const text = exampleText.replace('"title": ', '"title": "x",\n  "title": ');
    const result = validatePackText(text);
    expect(result.errors.map((e) => e.reason)).toContain('property given twice');
  });

  it('formats errors as FILE:LINE:COL  pointer  reason  (hint)', () => {
    const line = formatValidationError('p.json', {
      pointer: '/a',
      line: 3,
      column: 7,
      reason: 'bad',
      hint: 'fix it',
    });
    expect(line).toBe('p.json:3:7  /a  bad  (fix it)');
  });
});
