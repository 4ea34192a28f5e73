/** Kinds of personal data Anxin masks before anything is stored, logged or echoed. */
type PiiKind = 'id-number' | 'bank-card' | 'account-number' | 'mobile' | 'email' | 'secret';

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

/** Full-width digits, letters and separators as people type them on a Chinese keyboard, made ASCII. */
const asciiDigits = (text: string) =>
  text.replace(/[０-９Ａ-Ｚａ-ｚ－．　]/g, (c) => c.normalize('NFKC').replace('\u3000', ' '));

/** Digits a person may split with spaces, dashes or dots ("6222 0212…", "138.1234.5678"). */
const SEP = '[ \\-.]?';
const digitRun = (min: number, max: number) => `\\d(?:${SEP}\\d){${min - 1},${max - 1}}`;
/** Not glued to more digits; letters may touch ("id110101199003074258x" is still an ID number). */
const RUN = new RegExp(`(?<!\\d)(?:${digitRun(13, 25)})(?:${SEP}[Xx](?![A-Za-z]{2}))?(?!\\d)`, 'g');
const MOBILE = new RegExp(`(?<!\\d)(?:\\+?86${SEP})?1[3-9]\\d(?:${SEP}\\d){8}(?!\\d)`, 'g');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** A code or password named as one: "验证码是 4829", "密码123456", "OTP: 5521", "password is hunter22". */
const SECRET =
  /(验证码|校验码|动态码|短信码|密码|口令|pin码|\b(?:otp|pin|code|passcode|password|verification code)\b)([\s:：是为=]{0,4}(?:is\s+)?)([A-Za-z0-9]{4,20})(?![A-Za-z0-9])/gi;
/** Long account numbers named as such (账号 / account no.), of any length a bank uses. */
const ACCOUNT = /(账号|账户|户号|account(?: no\.?| number)?)([\s:：是为]{0,4})(\d(?:[ -]?\d){7,29})(?!\d)/gi;

/**
 * Identifiers machines make (a UUID, a hex digest): their digits can look like a split ID or card
 * number ("b8522507-7901-4381-998a-…"), but no person types them, so they are left as they are.
 */
const MACHINE_ID =
  /(\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(?=[0-9a-f]*[a-f])[0-9a-f]{32,}\b)/i;

/** What a run of digits (separators removed, maybe ending in X) most likely is, masked; undefined when nothing. */
function maskRun(compact: string): { kind: PiiKind; text: string } | undefined {
  const digits = compact.replace(/x$/i, '');
  const letter = compact.slice(digits.length);
  const id = { kind: 'id-number' as const, text: keep(compact, 3, 2) };
  const card = { kind: 'bank-card' as const, text: keep(compact, 4, 3) };
  // Eighteen digits and a stray letter after them: the digits are the ID number.
  if (digits.length === 18 && letter) return { kind: 'id-number', text: `${keep(digits, 3, 2)}${letter}` };
  if (compact.length === 18) return isCardNumber(compact) ? card : id;
  if (compact.length === 15 && !isCardNumber(compact)) return id;
  if (digits.length >= 16 && digits.length <= 19) return card;
  if (digits.length <= 15 && isCardNumber(digits)) return card;
  if (digits.length > 19) return { kind: 'account-number', text: keep(compact, 2, 2) };
  return undefined;
}

/**
 * Masks anything shaped like personal data, erring towards hiding: every 15–19 digit run (an ID
 * number, checksum or not; a card number, Luhn or not; 13–14 digits when Luhn holds),
 * 18-character ID shapes ending in X, longer account numbers named as such, mainland mobile numbers, emails, and codes or passwords named as
 * such. Full-width digits and spaces, dashes or dots between digits are read as people type them.
 * Keeps a few characters so the customer recognises what they sent.
 * @example maskPii('卡号 6222 0212 3456 7890 128').text // '卡号 6222************128'
 */
export function maskPii(input: string): MaskResult {
  const found: PiiKind[] = [];
  const pieces = input.split(MACHINE_ID).map((piece, i) => (i % 2 ? piece : maskText(piece, found)));
  return { text: pieces.join(''), found };
}

function maskText(input: string, found: PiiKind[]): string {
  const note = (k: PiiKind) => {
    if (!found.includes(k)) found.push(k);
  };
  let out = /[０-９]/.test(input) ? asciiDigits(input) : input;
  out = out.replace(EMAIL, (m) => {
    note('email');
    const [user = '', domain = ''] = m.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  });
  out = out.replace(SECRET, (_m, label: string, glue: string, secret: string) => {
    if (!/\d/.test(secret) && !/密码|口令|password|passcode/i.test(label)) return _m;
    note('secret');
    return `${label}${glue}${'*'.repeat(Math.min(secret.length, 8))}`;
  });
  out = out.replace(ACCOUNT, (_m, label: string, glue: string, digits: string) => {
    note('account-number');
    return `${label}${glue}${keep(digits.replace(/[ -]/g, ''), 2, 2)}`;
  });
  out = out.replace(RUN, (m) => {
    const compact = m.replace(/[ \-.]/g, '');
    // "86 138-1234-5678": a mobile number after the country code, masked as one below.
    if (/^861[3-9]\d{9}$/.test(compact)) return m;
    const run = maskRun(compact);
    if (!run) return m;
    note(run.kind);
    return run.text;
  });
  out = out.replace(MOBILE, (m) => {
    note('mobile');
    const compact = m.replace(/[ \-.]/g, '').replace(/^\+?86/, '');
    return keep(compact, 3, 4);
  });
  return out;
}
