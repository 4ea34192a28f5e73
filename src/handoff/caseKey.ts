/** The agent API's id for a case: `<channel>:<conversationId>` (opaque to clients). */
export function caseKey(channel: string, conversationId: string): string {
  return `${channel}:${conversationId}`;
}

export function parseCaseKey(key: string): { channel: string; conversationId: string } | undefined {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { channel: key.slice(0, at), conversationId: key.slice(at + 1) };
}
