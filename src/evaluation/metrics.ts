/** Topic ids of ranked articles, best first, without duplicates, at most `max` (as CONTRACT §1 `topics`). */
export function rankedTopics(articles: ReadonlyArray<{ topics: readonly string[] }>, max = 5): string[] {
  const out: string[] = [];
  for (const a of articles) for (const t of a.topics) if (!out.includes(t) && out.length < max) out.push(t);
  return out;
}

/** 1-based rank of the first expected topic in the ranked list, or 0 when absent. */
export function firstHit(ranked: readonly string[], expected: readonly string[]): number {
  const i = ranked.findIndex((t) => expected.includes(t));
  return i + 1;
}

export type Scored = { rank: number; confidence: number; expected: string[]; language: string };

export type Summary = { n: number; top1: number; top3: number; mrr: number };

export function summarize(rows: readonly Scored[]): Summary {
  const n = rows.length || 1;
  return {
    n: rows.length,
    top1: rows.filter((r) => r.rank === 1).length / n,
    top3: rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / n,
    mrr: rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n,
  };
}

/** Expected calibration error over 10 bins: how far confidence is from the top-1 hit rate. */
export function calibrationError(rows: readonly Scored[]): {
  ece: number;
  bins: Array<{ from: number; n: number; confidence: number; accuracy: number }>;
} {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, n: 0, confidence: 0, accuracy: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(9, Math.floor(r.confidence * 10))] as (typeof bins)[number];
    b.n++;
    b.confidence += r.confidence;
    b.accuracy += r.rank === 1 ? 1 : 0;
  }
  let ece = 0;
  for (const b of bins) {
    if (!b.n) continue;
    b.confidence /= b.n;
    b.accuracy /= b.n;
    ece += (b.n / Math.max(1, rows.length)) * Math.abs(b.confidence - b.accuracy);
  }
  return { ece, bins: bins.filter((b) => b.n) };
}

/** A language label for the breakdown: traditional Chinese, Chinese or English. */
export function languageOf(text: string, toSimplified: (t: string) => string): string {
  if (!/\p{Script=Han}/u.test(text)) return 'en';
  return toSimplified(text) !== text ? 'zh-Hant' : 'zh-Hans';
}
