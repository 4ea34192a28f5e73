type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Create an element; string children become text nodes, so text is never parsed as HTML.
 * @example el('button', { class: 'anxin-btn', type: 'button' }, '发送')
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A button that runs `onClick`; `label` is its accessible name when its content is not enough. */
export function button(
  className: string,
  content: Child | Child[],
  onClick: () => void,
  label?: string,
): HTMLButtonElement {
  const b = el('button', { class: className, type: 'button', 'aria-label': label });
  for (const c of Array.isArray(content) ? content : [content]) if (c) b.append(c);
  b.addEventListener('click', onClick);
  return b;
}
