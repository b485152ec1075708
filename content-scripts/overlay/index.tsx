// The overlay's entry, injected by the background into frames where a model was found (ISOLATED world): mounts the
// launcher and panel once per frame, whatever number of times the script is injected.

import { getContentApi } from '../relay/content-api';
import { mountOverlay } from './mount';

const MOUNTED = Symbol.for('literate.overlay.mounted');
const scope = globalThis as Record<symbol, unknown>;

if (!scope[MOUNTED]) {
  const api = getContentApi();
  if (api) {
    scope[MOUNTED] = true;
    mountOverlay(api).catch(() => {
      scope[MOUNTED] = false;
    });
  }
}
