import pino, { type Logger } from 'pino';

/** JSON logs; personal data is masked before anything reaches a log line (see bot/pii once it lands). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'anxin' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
