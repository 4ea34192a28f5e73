/** Kinds of personal data Anxin masks before anything is stored, logged or echoed. */
export type PiiKind = 'id-number' | 'bank-card' | 'mobile' | 'email';

export type MaskResult = { text: string; found: PiiKind[] };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A mainland resident ID number (18 characters) whose GB 11643 check digit is right. */
export function isIdNumber(candidate: string): boolean {
  const s = candidate.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17];
}

/** A card number (13–19 digits) that passes the Luhn check. */
export function isCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const keep = (s: string, head: number, tail: number) =>
  `${s.slice(0, head)}${'*'.repeat(Math.max(0, s.length - head - tail))}${s.slice(s.length - tail)}`;

/**
 * Mask ID numbers (checksum), bank cards (Luhn), mainland mobile numbers and emails; digits may be
 * split by spaces or dashes as people type them. Keeps a few characters so the customer recognises
 * what they sent.
 * @example maskPii('卡号 6222 0212 3456 7890 128').text // '卡号 6222***********128'
 */
export function maskPii(text: string): MaskResult {
  const found: PiiKind[] = [];
  const note = (k: PiiKind) => {
    if (!found.includes(k)) found.push(k);
  };
  let out = text.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (m) => {
    note('email');
    const [user = '', domain = ''] = m.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  });
  out = out.replace(/(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?:[ -]?[Xx])?(?![\dA-Za-z])/g, (m) => {
    const compact = m.replace(/[ -]/g, '');
    if (compact.length === 18 && isIdNumber(compact)) {
      note('id-number');
      return keep(compact, 3, 2);
    }
    if (isCardNumber(compact)) {
      note('bank-card');
      return keep(compact, 4, 3);
    }
    return m;
  });
  out = out.replace(/(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g, (m) => {
    note('mobile');
    const compact = m.replace(/[ -]/g, '').replace(/^\+?86/, '');
    return keep(compact, 3, 4);
  });
  return { text: out, found };
}
