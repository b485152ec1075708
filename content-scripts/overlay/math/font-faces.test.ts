import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseFontFaces, withoutFontFaces } from './font-faces';

const require = createRequire(import.meta.url);
const katexCss = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8');

describe('parseFontFaces', () => {
  it('reads all of KaTeX’s faces with their woff2 files', () => {
    const faces = parseFontFaces(katexCss);
    expect(faces.length).toBe(20);
    expect(faces).toContainEqual({
      family: 'KaTeX_Main',
      style: 'normal',
      weight: '400',
      file: 'fonts/KaTeX_Main-Regular.woff2',
    });
    expect(faces).toContainEqual({
      family: 'KaTeX_Math',
      style: 'italic',
      weight: '400',
      file: 'fonts/KaTeX_Math-Italic.woff2',
    });
  });

  it('ignores faces without a plain relative woff2 file', () => {
    const css =
      '@font-face{font-family:A;src:url(https://evil.example/x.woff2) format("woff2")}' +
      '@font-face{font-family:B;src:url(fonts/../../x.woff2)}' +
      '@font-face{font-family:C;src:url(fonts/C.ttf)}' +
      '@font-face{font-family:"D";font-weight:700;src:url("fonts/D-Bold.woff2") format("woff2")}';
    expect(parseFontFaces(css)).toEqual([
      { family: 'D', style: 'normal', weight: '700', file: 'fonts/D-Bold.woff2' },
    ]);
  });

  it('strips the faces from the stylesheet and keeps the rest', () => {
    const rest = withoutFontFaces(katexCss);
    expect(rest).not.toContain('@font-face');
    expect(rest).toContain('.katex{');
  });
});
