/** A content problem, printed as `file:line: message`. */
export type Problem = { file: string; line: number; message: string };

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}
