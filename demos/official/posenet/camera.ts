// PoseNet camera demo stand-in, bundled like the demo's build: @tensorflow-models/posenet loaded with the camera
// demo's desktop defaults (MobileNetV1, output stride 16, input resolution 500, multiplier 0.75, quant bytes 2) and
// its default algorithm, multi-pose (at most 5 poses, part score 0.1, NMS radius 30; poses drawn from score 0.15),
// in a requestAnimationFrame loop that never stops (the real page has no switch). A still photo drawn into a
// canvas replaces the camera; poses are flipped and the frame drawn mirrored, as the demo does. Our own code, not the demo's.
import '@tensorflow/tfjs-backend-webgl';
import * as posenet from '@tensorflow-models/posenet';
import { chooseBackend, drawPhoto, element, loadImage, publish, publishError } from '../shared';

const MAX_DETECTIONS = 5;
const MIN_PART_CONFIDENCE = 0.1;
const MIN_POSE_CONFIDENCE = 0.15;
const NMS_RADIUS = 30;

const video = element<HTMLCanvasElement>('video');
const output = element<HTMLCanvasElement>('output');
const photo = element<HTMLSelectElement>('photo');
const loading = element<HTMLElement>('loading');

function drawPoses(poses: posenet.Pose[]): void {
  const ctx = output.getContext('2d')!;
  ctx.save();
  ctx.translate(output.width, 0);
  ctx.scale(-1, 1);
  ctx.drawImage(video, 0, 0);
  ctx.restore();
  ctx.strokeStyle = 'aqua';
  ctx.fillStyle = 'aqua';
  ctx.lineWidth = 2;
  for (const pose of poses) {
    if (pose.score < MIN_POSE_CONFIDENCE) continue;
    for (const [a, b] of posenet.getAdjacentKeyPoints(pose.keypoints, MIN_PART_CONFIDENCE)) {
      if (!a || !b) continue;
      ctx.beginPath();
      ctx.moveTo(a.position.x, a.position.y);
      ctx.lineTo(b.position.x, b.position.y);
      ctx.stroke();
    }
    for (const k of pose.keypoints) {
      if (k.score < MIN_PART_CONFIDENCE) continue;
      ctx.beginPath();
      ctx.arc(k.position.x, k.position.y, 3, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

async function main(): Promise<void> {
  await chooseBackend();
  const net = await posenet.load({
    architecture: 'MobileNetV1',
    outputStride: 16,
    inputResolution: 500,
    multiplier: 0.75,
    quantBytes: 2,
  });
  loading.style.display = 'none';
  let image = await loadImage(photo.value);
  photo.addEventListener('change', () => {
    loadImage(photo.value).then((next) => (image = next), publishError);
  });
  let frames = 0;
  const frame = async (): Promise<void> => {
    drawPhoto(video, image);
    const poses = await net.estimatePoses(video, {
      flipHorizontal: true,
      decodingMethod: 'multi-person',
      maxDetections: MAX_DETECTIONS,
      scoreThreshold: MIN_PART_CONFIDENCE,
      nmsRadius: NMS_RADIUS,
    });
    drawPoses(poses);
    frames += 1;
    if (frames === 1) {
      const best = poses[0];
      publish({
        ready: '1',
        poses: String(poses.filter((p) => p.score >= MIN_POSE_CONFIDENCE).length),
        poseScore: best ? best.score.toFixed(4) : 'none',
        keypoints: best
          ? best.keypoints.map((k) => `${k.position.x.toFixed(1)},${k.position.y.toFixed(1)}`).join(' ')
          : '',
      });
    }
    publish({ frames: String(frames) });
    requestAnimationFrame(() => void frame().catch(publishError));
  };
  await frame();
}

main().catch((e: unknown) => {
  loading.textContent = `Error: ${e instanceof Error ? e.message : String(e)}`;
  publishError(e);
});
