import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's signature: sha1 over the parts sorted lexicographically and concatenated, in lowercase hex.
 * @example sortedSha1(['789', '456', '123']) // 'f7c3bc1d808e04732adf679965ccc34ca7ae3441'
 */
export function sortedSha1(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''), 'utf8')
    .digest('hex');
}

/** Compares two hex digests in constant time; any other shape is simply unequal. */
function sameDigest(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether `signature` (query of every GET and POST) proves the request knows the account token.
 * @example checkSignature('789', '456', '123', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441') // true
 */
export function checkSignature(token: string, timestamp: string, nonce: string, signature: string): boolean {
  return sameDigest(sortedSha1([token, timestamp, nonce]), signature);
}

/**
 * The `msg_signature` of an encrypted body or reply: sha1 over token, timestamp, nonce and the base64 text.
 * @example msgSignature('spamtest', '1409735669', '1320562132', encrypt) // '5d197aaf…d5fa'
 */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sortedSha1([token, timestamp, nonce, encrypt]);
}

/**
 * Whether `msg_signature` matches the `<Encrypt>` text exactly as received.
 * @example checkMsgSignature(token, timestamp, nonce, encrypt, query.msg_signature)
 */
export function checkMsgSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
  signature: string,
): boolean {
  return sameDigest(msgSignature(token, timestamp, nonce, encrypt), signature);
}

/**
 * Whether a request timestamp (Unix seconds, as sent in the query) is within `windowS` of now.
 * WeChat sets no window; ±300 s is our replay policy.
 * @example isFresh('1700000000', 1700000100) // true
 */
export function isFresh(timestamp: string | number, nowS: number, windowS = 300): boolean {
  const text = String(timestamp);
  if (!/^\d{1,12}$/.test(text)) return false;
  return Math.abs(nowS - Number(text)) <= windowS;
}
