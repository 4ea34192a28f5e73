import { extractFeatures, type FeatureBag } from '../../knowledge/features.js';
import type { Tokenizer } from '../../knowledge/tokenizer.js';

/** One labelled utterance. */
export type Example = { text: string; label: string; extra?: string[] };

/** Training settings; the defaults were chosen with `npm run eval`. */
const TRAINING = { epochs: 40, rate: 0.5, l2: 1e-5, seed: 7 } as const;

/** Deterministic order, so the same content always trains the same model. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Sparse = { index: Int32Array; value: Float64Array };

/**
 * A multinomial logistic regression over the same surface features as the retriever (characters,
 * bigrams, pinyin, words, letter trigrams), trained at start-up from content/intents.yaml.
 * `extra` features (e.g. which cue lists fired) let the rules inform the model without deciding.
 * @example const c = IntentClassifier.train(examples, tokenizer); c.predict('转人工')[0].label
 */
export class IntentClassifier {
  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly vocabulary: Map<string, number>,
    readonly labels: string[],
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  static train(examples: Example[], tokenizer: Tokenizer): IntentClassifier {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const vocabulary = new Map<string, number>();
    const bags = examples.map((e) => IntentClassifier.bag(e.text, e.extra ?? [], tokenizer));
    for (const bag of bags)
      for (const key of bag.keys()) if (!vocabulary.has(key)) vocabulary.set(key, vocabulary.size);
    const k = labels.length;
    const model = new IntentClassifier(
      tokenizer,
      vocabulary,
      labels,
      new Float64Array(vocabulary.size * k),
      new Float64Array(k),
    );
    const rows = examples.map((e, i) => ({
      x: model.vector(bags[i] as FeatureBag),
      y: labels.indexOf(e.label),
    }));
    const squared = new Float64Array(vocabulary.size * k).fill(1e-8);
    for (let epoch = 0; epoch < TRAINING.epochs; epoch++)
      for (const { x, y } of shuffled(rows, TRAINING.seed + epoch)) model.step(x, y, squared);
    return model;
  }

  private static bag(text: string, extra: readonly string[], tokenizer: Tokenizer): FeatureBag {
    const bag = extractFeatures(text, tokenizer);
    for (const f of extra) bag.set(`x:${f}`, 3);
    return bag;
  }

  /** Known features only, L2-normalised. */
  private vector(bag: FeatureBag): Sparse {
    const entries = [...bag].filter(([key]) => this.vocabulary.has(key));
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return {
      index: Int32Array.from(entries, ([key]) => this.vocabulary.get(key) as number),
      value: Float64Array.from(entries, ([, v]) => v / norm),
    };
  }

  private probabilities(x: Sparse): Float64Array {
    const k = this.labels.length;
    const z = Float64Array.from(this.bias);
    for (let f = 0; f < x.index.length; f++) {
      const base = (x.index[f] as number) * k;
      const v = x.value[f] as number;
      for (let c = 0; c < k; c++) (z[c] as number) += (this.weights[base + c] as number) * v;
    }
    const max = Math.max(...z);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      z[c] = Math.exp((z[c] as number) - max);
      sum += z[c] as number;
    }
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) / sum;
    return z;
  }

  /** One AdaGrad step of cross-entropy loss on one example. */
  private step(x: Sparse, y: number, squared: Float64Array): void {
    const k = this.labels.length;
    const p = this.probabilities(x);
    for (let c = 0; c < k; c++) {
      const g = (p[c] as number) - (c === y ? 1 : 0);
      this.bias[c] = (this.bias[c] as number) - TRAINING.rate * 0.1 * g;
      for (let f = 0; f < x.index.length; f++) {
        const at = (x.index[f] as number) * k + c;
        const grad = g * (x.value[f] as number) + TRAINING.l2 * (this.weights[at] as number);
        squared[at] = (squared[at] as number) + grad * grad;
        this.weights[at] =
          (this.weights[at] as number) - (TRAINING.rate * grad) / Math.sqrt(squared[at] as number);
      }
    }
  }

  /** Labels with probabilities, most likely first. */
  predict(text: string, extra: readonly string[] = []): { label: string; p: number }[] {
    const p = this.probabilities(this.vector(IntentClassifier.bag(text, extra, this.tokenizer)));
    return this.labels.map((label, i) => ({ label, p: p[i] as number })).sort((a, b) => b.p - a.p);
  }
}
