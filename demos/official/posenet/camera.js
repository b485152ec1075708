// PoseNet camera demo stand-in: loads the official MobileNetV1 0.75 / stride 16 / quant2 graph model with
// tf.loadGraphModel (what posenet.load does), and on every animation frame pads and resizes the camera frame to the
// demo's input resolution, calls model.predict on it (what posenet's BaseModel.predict does) and decodes one pose.
// A still photo drawn into a canvas replaces the webcam. Written for this project; not the demo's code.
/* global tf */
(() => {
  'use strict';

  const MODEL_URL =
    'https://storage.googleapis.com/tfjs-models/savedmodel/posenet/mobilenet/quant2/075/model-stride16.json';
  const OUTPUT_STRIDE = 16;
  // The camera demo's default for MobileNetV1 on a desktop; posenet rounds it down to a valid size (497).
  const INPUT_RESOLUTION = 500;
  const MIN_PART_CONFIDENCE = 0.5;
  const PARTS = [
    'nose',
    'leftEye',
    'rightEye',
    'leftEar',
    'rightEar',
    'leftShoulder',
    'rightShoulder',
    'leftElbow',
    'rightElbow',
    'leftWrist',
    'rightWrist',
    'leftHip',
    'rightHip',
    'leftKnee',
    'rightKnee',
    'leftAnkle',
    'rightAnkle',
  ];
  const BONES = [
    [5, 7],
    [7, 9],
    [6, 8],
    [8, 10],
    [5, 6],
    [5, 11],
    [6, 12],
    [11, 12],
    [11, 13],
    [13, 15],
    [12, 14],
    [14, 16],
  ];

  const params = new URLSearchParams(location.search);
  const maxFrames = Number(params.get('frames')) || Infinity;
  const video = /** @type {HTMLCanvasElement} */ (document.getElementById('video'));
  const output = /** @type {HTMLCanvasElement} */ (document.getElementById('output'));
  const photo = /** @type {HTMLSelectElement} */ (document.getElementById('photo'));
  const info = /** @type {HTMLElement} */ (document.getElementById('info'));
  const loading = /** @type {HTMLElement} */ (document.getElementById('loading'));

  /** posenet accepts resolutions of the form k * stride + 1 and rounds others down to one. */
  function validResolution(resolution, stride) {
    return (resolution - 1) % stride === 0 ? resolution : Math.floor(resolution / stride) * stride + 1;
  }

  /** Pads the frame to a square (keeping it centred) and resizes it to size x size, as posenet does. */
  function padAndResize(source, size) {
    const { width, height } = source;
    let top = 0;
    let left = 0;
    if (width < height) left = Math.round((height - width) / 2);
    else top = Math.round((width - height) / 2);
    const resized = tf.tidy(() =>
      tf.image.resizeBilinear(
        tf.pad(tf.browser.fromPixels(source), [
          [top, top],
          [left, left],
          [0, 0],
        ]),
        [size, size],
      ),
    );
    return { resized, top, left, scale: (height + 2 * top) / size };
  }

  /** Pixels to [-1, 1], a batch of one, the model's four heads; sigmoid turns the heatmap logits into scores. */
  function predict(model, resized) {
    return tf.tidy(() => {
      const batch = tf.expandDims(tf.sub(tf.div(tf.cast(resized, 'float32'), 127.5), 1), 0);
      const heads = model.predict(batch).map((t) => tf.squeeze(t, [0]));
      const [offsets, heatmap, displacementFwd, displacementBwd] = heads;
      if (heatmap.shape[2] !== PARTS.length || offsets.shape[2] !== 2 * PARTS.length) {
        throw new Error(`unexpected output heads ${heads.map((h) => h.shape.join('x')).join(', ')}`);
      }
      return { heatmapScores: tf.sigmoid(heatmap), offsets, displacementFwd, displacementBwd };
    });
  }

  /** Single-person decoding: each part at its heatmap maximum, refined by its offset vector. */
  async function decodeSinglePose(heatmapScores, offsets) {
    const [scores, vectors] = await Promise.all([heatmapScores.array(), offsets.array()]);
    const keypoints = PARTS.map((part, k) => {
      let best = -1;
      let by = 0;
      let bx = 0;
      for (let y = 0; y < scores.length; y++) {
        for (let x = 0; x < scores[y].length; x++) {
          if (scores[y][x][k] > best) {
            best = scores[y][x][k];
            by = y;
            bx = x;
          }
        }
      }
      const dy = vectors[by][bx][k];
      const dx = vectors[by][bx][k + PARTS.length];
      return { part, score: best, position: { y: by * OUTPUT_STRIDE + dy, x: bx * OUTPUT_STRIDE + dx } };
    });
    const score = keypoints.reduce((s, k) => s + k.score, 0) / keypoints.length;
    return { score, keypoints };
  }

  function drawFrame(image) {
    const ctx = /** @type {CanvasRenderingContext2D} */ (video.getContext('2d'));
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, video.width, video.height);
    const k = Math.min(video.width / image.naturalWidth, video.height / image.naturalHeight);
    const w = image.naturalWidth * k;
    const h = image.naturalHeight * k;
    ctx.drawImage(image, (video.width - w) / 2, (video.height - h) / 2, w, h);
  }

  function drawPose(pose) {
    const ctx = /** @type {CanvasRenderingContext2D} */ (output.getContext('2d'));
    ctx.drawImage(video, 0, 0);
    const seen = pose.keypoints.map((k) => k.score >= MIN_PART_CONFIDENCE);
    ctx.strokeStyle = 'aqua';
    ctx.lineWidth = 2;
    for (const [a, b] of BONES) {
      if (!seen[a] || !seen[b]) continue;
      const p = pose.keypoints[a].position;
      const q = pose.keypoints[b].position;
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(q.x, q.y);
      ctx.stroke();
    }
    ctx.fillStyle = 'aqua';
    pose.keypoints.forEach((k, i) => {
      if (!seen[i]) return;
      ctx.beginPath();
      ctx.arc(k.position.x, k.position.y, 3, 0, 2 * Math.PI);
      ctx.fill();
    });
  }

  function loadImage(src) {
    return new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error(`could not load ${src}`));
      image.src = src;
    });
  }

  async function main() {
    const backend = params.get('backend');
    if (backend) await tf.setBackend(backend);
    const model = await tf.loadGraphModel(MODEL_URL);
    const shape = model.inputs[0].shape;
    if (shape[1] !== -1 || shape[2] !== -1) throw new Error(`input shape ${shape} must be free in H and W`);
    loading.textContent = 'Model loaded.';
    const resolution = validResolution(INPUT_RESOLUTION, OUTPUT_STRIDE);
    let image = await loadImage(photo.value);
    let frames = 0;
    const frame = async () => {
      drawFrame(image);
      const { resized, top, left, scale } = padAndResize(video, resolution);
      const heads = predict(model, resized);
      const pose = await decodeSinglePose(heads.heatmapScores, heads.offsets);
      tf.dispose([resized, heads.heatmapScores, heads.offsets, heads.displacementFwd, heads.displacementBwd]);
      for (const k of pose.keypoints) {
        k.position = { y: k.position.y * scale - top, x: k.position.x * scale - left };
      }
      drawPose(pose);
      const found = pose.keypoints.filter((k) => k.score >= MIN_PART_CONFIDENCE).map((k) => k.part);
      info.textContent = `Pose score ${pose.score.toFixed(2)}; parts found: ${found.join(', ') || 'none'}.`;
      frames += 1;
      document.documentElement.dataset.frames = String(frames);
      document.documentElement.dataset.poseScore = pose.score.toFixed(4);
      document.documentElement.dataset.keypoints = pose.keypoints
        .map((k) => `${k.position.x.toFixed(1)},${k.position.y.toFixed(1)}`)
        .join(' ');
      if (frames < maxFrames) requestAnimationFrame(frame);
    };
    // A new photo while the loop runs shows up on its next frame; after a bounded run (?frames=N) it gets one frame.
    photo.addEventListener('change', async () => {
      image = await loadImage(photo.value);
      if (frames >= maxFrames) await frame();
    });
    await frame();
    document.documentElement.dataset.ready = '1';
  }

  main().catch((e) => {
    loading.textContent = `Error: ${e && e.message ? e.message : e}`;
    document.documentElement.dataset.error = String(e && e.message ? e.message : e);
  });
})();
