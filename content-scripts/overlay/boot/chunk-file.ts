// Which file a chunk URL names, checked against the only files the background will inject (pure, for tests).

import { OVERLAY_CHUNK_FILE } from '../../../protocol/runtime';

/** A chunk's file name from the URL webpack asks for (public path is empty: the name is the whole URL). */
export function chunkFile(url: string): string | null {
  const file = url.split('/').pop() ?? '';
  return OVERLAY_CHUNK_FILE.test(file) ? file : null;
}
