import { describe, expect, it, vi } from 'vitest';
import { mayHoldTex } from './tex-engine';

describe('KaTeX on demand', () => {
  it('tells text that may hold TeX from text that cannot', () => {
    expect(mayHoldTex('The weights $W$ of the first layer')).toBe(true);
    expect(mayHoldTex(JSON.stringify({ body: { kind: 'equation', tex: 'y = Wx' } }))).toBe(true);
    expect(mayHoldTex('Plain prose, no math at all.')).toBe(false);
  });

  it('shows the TeX source, escaped, until KaTeX is loaded; typesets once it is', async () => {
    vi.resetModules();
    const engine = await import('./tex-engine');
    const tex = await import('./tex');
    expect(engine.texEngine()).toBeNull();
    expect(tex.texToHtml('a<b', false)).toBe('<code class="lit-tex-source">a&lt;b</code>');
    await engine.loadTexEngine();
    expect(engine.texEngine()).not.toBeNull();
    expect(tex.texToHtml('a<b', false)).toContain('<math');
  });
});
