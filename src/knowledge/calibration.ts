import type { ArticleHit } from './localeIndex.js';

/** A logistic model from ranking features to the probability that the top article is right. */
export type Calibration = { weights: number[]; bias: number };

/** The features the model reads: best score, its margin over the runner-up, best vector similarity. */
export function confidenceFeatures(hits: readonly ArticleHit[]): number[] {
  const first = hits[0];
  if (!first) return [0, 0, 0];
  return [first.score, first.score - (hits[1]?.score ?? 0), first.vector];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Calibrated confidence in 0..1 that the best article answers the query.
 * @example confidence(hits, index.calibration) > 0.5
 */
export function confidence(hits: readonly ArticleHit[], model: Calibration): number {
  if (!hits.length) return 0;
  const x = confidenceFeatures(hits);
  return sigmoid(model.bias + model.weights.reduce((s, w, i) => s + w * (x[i] ?? 0), 0));
}

/**
 * Fit the logistic model by gradient descent on (features, was the top article right) pairs.
 * Features are standardised while fitting (so it converges) and the weights folded back after;
 * a little L2 keeps a small corpus from pushing it to certainty.
 */
export function fitCalibration(
  samples: Array<{ features: number[]; correct: boolean }>,
  iterations = 4000,
  rate = 0.3,
): Calibration {
  const dims = samples[0]?.features.length ?? 3;
  const positives = samples.filter((s) => s.correct).length;
  if (positives === 0 || positives === samples.length) {
    return {
      weights: new Array<number>(dims).fill(0),
      bias: Math.log((positives + 1) / (samples.length - positives + 1)),
    };
  }
  const mean = Array.from(
    { length: dims },
    (_, i) => samples.reduce((s, x) => s + (x.features[i] ?? 0), 0) / samples.length,
  );
  const std = mean.map(
    (m, i) =>
      Math.sqrt(samples.reduce((s, x) => s + ((x.features[i] ?? 0) - m) ** 2, 0) / samples.length) || 1,
  );
  const xs = samples.map((s) => s.features.map((f, i) => (f - (mean[i] ?? 0)) / (std[i] ?? 1)));
  const w = new Array<number>(dims).fill(0);
  let b = 0;
  const l2 = 1e-3;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dims).fill(0);
    let gBias = 0;
    xs.forEach((x, k) => {
      const err =
        sigmoid(b + w.reduce((s, wi, i) => s + wi * (x[i] ?? 0), 0)) - (samples[k]?.correct ? 1 : 0);
      x.forEach((xi, i) => {
        grad[i] = (grad[i] ?? 0) + err * xi;
      });
      gBias += err;
    });
    w.forEach((wi, i) => {
      w[i] = wi - rate * ((grad[i] ?? 0) / xs.length + l2 * wi);
    });
    b -= (rate * gBias) / xs.length;
  }
  const weights = w.map((wi, i) => wi / (std[i] ?? 1));
  const bias = b - weights.reduce((s, wi, i) => s + wi * (mean[i] ?? 0), 0);
  return { weights, bias };
}
