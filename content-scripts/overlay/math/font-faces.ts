// Reads the @font-face rules out of KaTeX's stylesheet (family, style, weight, woff2 file) so that the fonts can be
// registered on the document: Chromium ignores @font-face inside shadow roots. Pure.

export interface FontFaceSpec {
  family: string;
  style: string;
  weight: string;
  /** The woff2 file, relative to the stylesheet ('fonts/KaTeX_Main-Regular.woff2'). */
  file: string;
}

const BLOCK = /@font-face\s*\{([^}]*)\}/g;

function descriptor(body: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body);
  return m ? m[1]!.trim().replace(/^["']|["']$/g, '') : null;
}

export function parseFontFaces(css: string): FontFaceSpec[] {
  const out: FontFaceSpec[] = [];
  for (const [, body = ''] of css.matchAll(BLOCK)) {
    const family = descriptor(body, 'font-family');
    const src = descriptor(body, 'src') ?? '';
    const woff2 = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(src);
    // Only plain relative file names: nothing that could point outside the extension's katex folder.
    if (!family || !woff2 || !/^fonts\/[\w.-]+\.woff2$/.test(woff2[1]!)) continue;
    out.push({
      family,
      style: descriptor(body, 'font-style') ?? 'normal',
      weight: descriptor(body, 'font-weight') ?? '400',
      file: woff2[1]!,
    });
  }
  return out;
}

/** Removes the @font-face rules (they do nothing in a shadow root and would request fonts relative to the page). */
export function withoutFontFaces(css: string): string {
  return css.replace(BLOCK, '');
}
