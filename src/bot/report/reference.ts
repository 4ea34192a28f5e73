import { randomInt } from 'node:crypto';

// Letters only: easy to read out on the phone, and never mistaken for a phone number.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A report reference such as `JB-KQWM-TRPD` (24⁸ ≈ 1.1×10¹¹ possibilities). */
export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  return `JB-${part()}-${part()}`;
}
