// localStorage throws in some WebViews and private modes; the widget then just forgets.

/** Read a JSON value saved under `anxin:<key>`, or undefined. */
export function load<T>(key: string): T | undefined {
  try {
    const raw = window.localStorage.getItem(`anxin:${key}`);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/** Save a JSON value under `anxin:<key>`; undefined removes it. */
export function save(key: string, value: unknown): void {
  try {
    if (value === undefined) window.localStorage.removeItem(`anxin:${key}`);
    else window.localStorage.setItem(`anxin:${key}`, JSON.stringify(value));
  } catch {
    // storage full or blocked: nothing to remember then
  }
}
