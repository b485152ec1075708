// Loads the overlay's later chunks through the background (scripting.executeScript into this frame's isolated world):
// webpack's default loader would add a <script> to the page, which runs in the page's world and obeys its CSP.

import type { LoadChunkRequest } from '../../../protocol/runtime';
import { toBackground } from '../../relay/background';
import { chunkFile } from './chunk-file';

/** Webpack's runtime, as much of it as the loader override needs (present only in the bundled overlay). */
declare const __webpack_require__: {
  l(
    url: string,
    done: (event: { type: string; target: { src: string } }) => void,
    key: string,
    chunkId: unknown,
  ): void;
};

/** Replaces webpack's script-tag loader; outside a webpack bundle (unit tests) there is nothing to replace. */
export function installChunkLoader(
  send: (request: LoadChunkRequest) => Promise<{ ok: boolean } | undefined> = toBackground,
): void {
  if (typeof __webpack_require__ === 'undefined') return;
  __webpack_require__.l = (url, done) => {
    const file = chunkFile(url);
    const fail = () => done({ type: 'error', target: { src: url } });
    if (!file) return fail();
    send({ type: 'load-overlay-chunk', file }).then(
      (reply) => (reply?.ok ? done({ type: 'load', target: { src: url } }) : fail()),
      fail,
    );
  };
}
