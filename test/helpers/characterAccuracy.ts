/** Text as OCR is judged on it: compatibility forms folded, no white space. */
const comparable = (s: string) => [...s.normalize('NFKC').replace(/\s+/g, '')];

/**
 * 1 − (edit distance ÷ length of the truth), over characters, floored at 0: the share of the
 * truth's characters OCR got right, in order.
 * @example characterAccuracy('停息挂账', '停息挂帐') // 0.75
 */
export function characterAccuracy(truth: string, read: string): number {
  const a = comparable(truth);
  const b = comparable(read);
  if (!a.length) return b.length ? 0 : 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return Math.max(0, 1 - (prev[b.length] as number) / a.length);
}
