import type { Request } from 'express';

/**
 * The origin an absolute URL handed to a client is built on: the configured `PUBLIC_URL`, else the
 * address this server accepted the request on (plain HTTP). Never the request's Host,
 * X-Forwarded-Host or Forwarded header: the client writes those, and a URL carrying a ticket would
 * then lead to whoever the header names.
 * @example const ws = publicOrigin(config.publicUrl, req).replace(/^http/, 'ws')
 */
export function publicOrigin(configured: string | undefined, req: Request): string {
  if (configured) return configured;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}
