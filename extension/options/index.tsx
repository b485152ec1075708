// The options page: about this build and diagnostics. Pack sources and settings arrive with the packs issue.

import { render } from 'preact';
import browser from '../browser';

function Options() {
  const manifest = browser.runtime.getManifest();
  return (
    <>
      <h1>
        <img src="icons/icon-32.png" width={24} height={24} alt="" />
        Literate options
      </h1>
      <p>
        Literate finds the TensorFlow.js model running on a page and explains it in place. Version{' '}
        <strong>{manifest.version}</strong>.
      </p>
      <h2>Where it runs</h2>
      <p class="muted">
        Literate runs on the local demo gallery and the official TensorFlow.js demo hosts. Pages without
        TensorFlow.js pay only for a tiny hook that waits for tf.js to appear.
      </p>
    </>
  );
}

render(<Options />, document.getElementById('app')!);
