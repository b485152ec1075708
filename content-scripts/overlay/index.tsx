// The overlay's entry, injected by the background into frames where a model was found (ISOLATED world).

import { getContentApi } from '../relay/content-api';

const api = getContentApi();
if (api) {
  document.documentElement.dataset.literateOverlay = 'loaded';
}
