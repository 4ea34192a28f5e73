import { expect } from 'vitest';
import WebSocket from 'ws';
import { call } from './server.js';

/** A Direct Line activity as the tests read it. */
export type Activity = {
  type: string;
  id?: string;
  text?: string;
  from: { id: string; role: string };
  replyToId?: string;
  textFormat?: string;
  channelData?: { clientActivityID?: string; anxin?: { role: string; citations: unknown[] } };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
};
export type Started = { conversationId: string; token: string; streamUrl: string; expires_in: number };

export const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

/** As a bank's server and Web Chat do: a token from the secret, then the conversation started with it. */
export async function startDirectLine(base: string, secret: string, locale?: string): Promise<Started> {
  const generated = await call(base, 'POST', '/v3/directline/tokens/generate', {
    headers: bearer(secret),
    body: {},
  });
  expect(generated.status).toBe(200);
  const started = await call(base, 'POST', '/v3/directline/conversations', {
    headers: bearer(generated.body.token),
    body: locale ? { locale } : {},
  });
  expect(started.status).toBe(201);
  return started.body;
}

/** Posts a message activity as Web Chat does; answers the HTTP result (`body.id` is the echo's id). */
export function postText(base: string, c: Started, text: string, clientActivityID?: string) {
  return call(base, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, {
    headers: bearer(c.token),
    body: {
      type: 'message',
      text,
      from: { id: `dl_${c.conversationId}` },
      locale: 'zh-CN',
      attachments: [],
      ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
    },
  });
}

/**
 * Opens a stream URL; resolves once connected, with the socket and how it will close. `onFrame` is
 * listening from the start (the server sends the transcript as soon as the socket opens).
 */
export async function openSocket(
  url: string,
  onFrame?: (text: string) => void,
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url);
  if (onFrame) ws.on('message', (data) => onFrame(String(data)));
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    ws.once('close', (code, reason) => r({ code, reason: String(reason) })),
  );
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, closed };
}

/** Opens a stream URL and gathers every activity it sends; resolves once connected. */
export async function openStream(url: string): Promise<{ activities(): Activity[]; close(): void }> {
  const frames: { activities: Activity[] }[] = [];
  const { ws } = await openSocket(url, (text) => {
    if (text) frames.push(JSON.parse(text));
  });
  return { activities: () => frames.flatMap((f) => f.activities), close: () => ws.close() };
}
