/** The elements of `root` that Tab can reach, in order. */
function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>(
      'button, [href], input, textarea, select, [tabindex]:not([tabindex="-1"])',
    ),
  ).filter((e) => !e.hasAttribute('disabled') && !e.closest('[hidden]'));
}

/**
 * Keep Tab inside `root` while `active()` says so (the full-screen panel on a phone covers the
 * page, so focus must not wander behind it).
 */
export function trapFocus(root: HTMLElement, active: () => boolean): void {
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !active()) return;
    const items = tabbables(root);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const current = (root.getRootNode() as Document | ShadowRoot).activeElement;
    if (e.shiftKey && current === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && current === last) {
      e.preventDefault();
      first.focus();
    }
  });
}
