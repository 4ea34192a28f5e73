import { parseXml } from '../../src/channels/wechat/xml.js';

/**
 * Posts a WeChat XML message to the server's `/wechat` with a signed query string, as WeChat's
 * servers do; answers the status, the raw reply and its `Content` when the reply is XML.
 */
export async function postWechat(base: string, query: string, body: string) {
  const res = await fetch(`${base}/wechat?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body,
  });
  const raw = await res.text();
  let content: string | undefined;
  try {
    content = String(parseXml(raw).Content ?? '');
  } catch {
    content = undefined;
  }
  return { status: res.status, raw, content };
}
