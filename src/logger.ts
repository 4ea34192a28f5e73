import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs. Personal data is masked before it reaches a log line: the bot logs masked text only
 * (see bot/middleware/piiMiddleware.ts). `destination` lets the CLI and the eval redirect them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'anxin' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };

/**
 * A conversation as log lines name it: a short stable hash, so lines of one conversation still
 * group together but a WeChat OpenID (inside a WeChat conversation id) never reaches the log.
 * Written in letters only (hex digits as a–p), so no hash ever reads as a phone or ID number.
 * @example logRef('wechat:main:oX1a2b…') // 'c:fckjmoabndep'
 */
export function logRef(conversationId: string | undefined): string | undefined {
  if (!conversationId) return undefined;
  const hex = createHash('sha256').update(conversationId).digest('hex').slice(0, 12);
  return `c:${[...hex].map((h) => String.fromCharCode(97 + Number.parseInt(h, 16))).join('')}`;
}

/** A request path for the access log: long digit runs (a number typed into a URL) are starred. */
export function logPath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment)
        ? segment
        : segment.replace(/\d[\d .-]{5,}\d/g, (m) => '*'.repeat(m.length)),
    )
    .join('/');
}
