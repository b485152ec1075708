// Translation demo stand-in: checks the hosted model is there (HEAD), loads it with tf.loadLayersModel on a click,
// reads metadata.json, builds an encoder model (input → encoder LSTM states) and a decoder model (one character +
// states → next-character probabilities + states) from the loaded model's layers with tf.model, and translates what
// is typed by greedy decoding, one decoder predict per output character — the demo's flow.
// Written for this project; not the demo's code.
/* global tf */
(() => {
  'use strict';

  const MODEL_URL = 'https://storage.googleapis.com/tfjs-models/tfjs/translation_en_fr_v1/model.json';
  const METADATA_URL = 'https://storage.googleapis.com/tfjs-models/tfjs/translation_en_fr_v1/metadata.json';

  const statusEl = /** @type {HTMLElement} */ (document.getElementById('status'));
  const loadButton = /** @type {HTMLButtonElement} */ (document.getElementById('load-pretrained-remote'));
  const english = /** @type {HTMLInputElement} */ (document.getElementById('englishSentence'));
  const french = /** @type {HTMLElement} */ (document.getElementById('frenchSentence'));

  function status(text) {
    statusEl.textContent = text;
  }

  class Translator {
    async init() {
      status(`Loading pretrained model from ${MODEL_URL}`);
      const model = await tf.loadLayersModel(MODEL_URL);
      // Like the demo, the loaded model is only a local: once encoder and decoder are built nothing holds it, and the
      // browser may collect it (what Literate must survive).
      status('Done loading pretrained model.');
      loadButton.disabled = true;
      status(`Loading metadata from ${METADATA_URL}`);
      const metadata = await (await fetch(METADATA_URL)).json();
      status('Done loading metadata.');
      this.maxDecoderSeqLength = metadata.max_decoder_seq_length;
      this.maxEncoderSeqLength = metadata.max_encoder_seq_length;
      this.inputTokenIndex = metadata.input_token_index;
      this.targetTokenIndex = metadata.target_token_index;
      this.reverseTargetCharIndex = {};
      for (const [char, index] of Object.entries(this.targetTokenIndex))
        this.reverseTargetCharIndex[index] = char;
      this.buildEncoder(model);
      this.buildDecoder(model);
      return this;
    }

    /** The encoder: the model's first input → the encoder LSTM's final [h, c]. */
    buildEncoder(model) {
      this.numEncoderTokens = model.input[0].shape[2];
      const encoderLstm = model.layers[2];
      this.encoderModel = tf.model({
        inputs: model.input[0],
        outputs: [encoderLstm.output[1], encoderLstm.output[2]],
      });
    }

    /** The decoder: one target character plus [h, c] → softmax over characters plus the new [h, c]. */
    buildDecoder(model) {
      this.numDecoderTokens = model.input[1].shape[2];
      const stateH = model.layers[2].output[1];
      const latentDim = stateH.shape[stateH.shape.length - 1];
      const stateInputs = [
        tf.input({ shape: [latentDim], name: 'decoder_state_input_h' }),
        tf.input({ shape: [latentDim], name: 'decoder_state_input_c' }),
      ];
      const decoderLstm = model.layers[3];
      const decoderInputs = decoderLstm.input[0];
      const [sequence, h, c] = decoderLstm.apply(decoderInputs, { initialState: stateInputs });
      const probabilities = model.layers[4].apply(sequence);
      this.decoderModel = tf.model({
        inputs: [decoderInputs, ...stateInputs],
        outputs: [probabilities, h, c],
      });
    }

    /** One-hot characters, [1, maxEncoderSeqLength, numEncoderTokens]. */
    encode(text) {
      const buffer = tf.buffer([1, this.maxEncoderSeqLength, this.numEncoderTokens]);
      for (let i = 0; i < text.length && i < this.maxEncoderSeqLength; i++) {
        const index = this.inputTokenIndex[text[i]];
        if (index != null) buffer.set(1, 0, i, index);
      }
      return buffer.toTensor();
    }

    translate(text) {
      const input = this.encode(text);
      let states = this.encoderModel.predict(input);
      input.dispose();
      let token = this.targetTokenIndex['\t'];
      let decoded = '';
      for (;;) {
        const target = tf.buffer([1, 1, this.numDecoderTokens]);
        target.set(1, 0, 0, token);
        const targetTensor = target.toTensor();
        const [probabilities, h, c] = this.decoderModel.predict([targetTensor, ...states]);
        const best = tf.tidy(() => probabilities.reshape([probabilities.shape[2]]).argMax());
        token = best.dataSync()[0];
        tf.dispose([targetTensor, probabilities, best, ...states]);
        states = [h, c];
        const char = this.reverseTargetCharIndex[token];
        decoded += char;
        if (char === '\n' || decoded.length > this.maxDecoderSeqLength) break;
      }
      tf.dispose(states);
      return decoded.trim();
    }
  }

  function show(translator) {
    const text = english.value;
    const result = translator.translate(text);
    french.textContent = result;
    document.documentElement.dataset.translated = `${text} → ${result}`;
  }

  async function setup() {
    const backend = new URLSearchParams(location.search).get('backend');
    if (backend) await tf.setBackend(backend);
    status(`Testing url ${MODEL_URL}`);
    const exists = await fetch(MODEL_URL, { method: 'HEAD' }).then(
      (r) => r.ok,
      () => false,
    );
    if (!exists) {
      status('Standing by.');
      return;
    }
    status(`Model available: ${MODEL_URL}`);
    loadButton.addEventListener('click', async () => {
      try {
        const translator = await new Translator().init();
        english.addEventListener('input', () => show(translator));
        english.value = 'Go.';
        show(translator);
        document.documentElement.dataset.ready = '1';
      } catch (e) {
        status('Loading pretrained model failed.');
        document.documentElement.dataset.error = String(e && e.message ? e.message : e);
      }
    });
    loadButton.style.display = 'inline-block';
    status('Standing by.');
  }

  setup();
})();
