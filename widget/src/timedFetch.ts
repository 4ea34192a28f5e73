/**
 * A JSON request that gives up after `timeoutMs`; resolves `undefined` when the network fails
 * (each caller turns that into its own "network" error).
 * @example const res = await timedFetch('/api/v1/x', 'POST', { Accept: 'application/json' }, body, 'omit', 30_000)
 */
export async function timedFetch(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: unknown,
  credentials: RequestCredentials,
  timeoutMs: number,
): Promise<Response | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials,
      signal: abort.signal,
    });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
