import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';

/**
 * One way customers reach Anxin (web and app API, Direct Line, WeChat, Bot Framework): its routes,
 * mounted by the composition root in the order the channels are listed, and what it must do for
 * WebSocket upgrades and on shutdown.
 * @example for (const channel of channels) app.use(channel.router)
 */
export interface Channel {
  readonly name: string;
  /** Its routes, with their own paths (`/api/v1`, `/v3/directline`, `/wechat`, `/api/messages`). */
  readonly router: Router;
  /** Takes a WebSocket upgrade on its own paths; false for any other. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Ends its open streams on shutdown. */
  close?(): void;
}
