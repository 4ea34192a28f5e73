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
