// The overlay's entry, injected by the background into frames where a model was found (ISOLATED world): mounts the
// launcher (and, behind it, the panel side) once per frame, whatever number of times the script is injected.

import { getContentApi } from '../relay/content-api';
import { installChunkLoader } from './boot/chunk-loader';
import { mountOverlay } from './mount';

const MOUNTED = Symbol.for('literate.overlay.mounted');
const scope = globalThis as Record<symbol, unknown>;

installChunkLoader();
if (!scope[MOUNTED]) {
  const api = getContentApi();
  if (api) {
    scope[MOUNTED] = true;
    mountOverlay(api).catch(() => {
      scope[MOUNTED] = false;
    });
  }
}
