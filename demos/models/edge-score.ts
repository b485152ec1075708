// Measures how much a small convolution filter looks like an oriented edge or line detector, so a test can check
// that shapes-cnn's first layer learned what the gallery's explanations say it learned.

/** Oriented templates on a k×k grid: first (edge) and second (line) derivatives of a Gaussian, 12 angles each. */
function templates(k: number, sigma: number): Float64Array[] {
  const result: Float64Array[] = [];
  const c = (k - 1) / 2;
  for (let a = 0; a < 12; a++) {
    const theta = (a * Math.PI) / 12;
    const edge = new Float64Array(k * k);
    const line = new Float64Array(k * k);
    for (let r = 0; r < k; r++) {
      for (let q = 0; q < k; q++) {
        const x = q - c;
        const y = r - c;
        const u = x * Math.cos(theta) + y * Math.sin(theta);
        const g = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
        edge[r * k + q] = u * g;
        line[r * k + q] = (u * u - sigma * sigma) * g;
      }
    }
    result.push(edge, line);
  }
  return result;
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Best |cosine similarity| of a k×k filter (row-major) with any oriented edge or line template; 0…1. */
export function edgeScore(filter: ArrayLike<number>, k: number): number {
  return Math.max(...templates(k, k / 4).map((t) => Math.abs(cosine(filter, t))));
}
