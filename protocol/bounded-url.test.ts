import { describe, expect, it } from 'vitest';
import { parseContentPacksRequest } from './packs-messages';
import { boundedUrl, MAX_FRAME_URL, parseSnapshot } from './bridge-validate';

const page = 'http://127.0.0.1:8080/demos/draw-shapes/';
const long = `${page}#literate-inline=${'a'.repeat(13_000)}`;

describe('frame URLs with long fragments (an inline share link)', () => {
  it('keeps short URLs whole, drops the fragment of long ones, refuses long ones without a fragment', () => {
    expect(boundedUrl(`${page}#x`)).toBe(`${page}#x`);
    expect(boundedUrl(long)).toBe(page);
    expect(boundedUrl(`${page}?q=${'b'.repeat(MAX_FRAME_URL)}#x`)).toBeNull();
    expect(boundedUrl(42)).toBeNull();
  });

  it('a page snapshot and a frame-packs request with such a URL are accepted, without the fragment', () => {
    expect(parseSnapshot({ frameUrl: long, engines: [], models: [] })).toEqual({
      frameUrl: page,
      engines: [],
      models: [],
    });
    expect(
      parseContentPacksRequest({
        type: 'frame-packs',
        session: 'abcdef0123456789',
        frameUrl: long,
        graphs: null,
      }),
    ).toMatchObject({ frameUrl: page });
  });
});
