const DROP = 'script,style,iframe,object,embed,link,meta,form,input,textarea,button,svg,math,img';

/**
 * The server's already-sanitized answer HTML as nodes. A second, small check in the browser
 * (defence in depth): active elements, event handlers and non-http(s) links are removed.
 * A <template> parses without running or loading anything.
 */
export function answerNodes(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const content = template.content;
  for (const node of Array.from(content.querySelectorAll(DROP))) node.remove();
  for (const node of Array.from(content.querySelectorAll('*'))) {
    for (const attr of Array.from(node.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') node.removeAttribute(attr.name);
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:|tel:)/i.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
  return content;
}

/**
 * Drop the paragraph that repeats a citation ("依据：《…》（审核于 …）") when the answer's text
 * carries one: the widget shows citations itself, discreetly, under the answer.
 */
export function dropCitationLines(root: ParentNode, citations: { title: string; reviewed: string }[]): void {
  if (!citations.length) return;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const text = p.textContent ?? '';
    if (citations.some((c) => text.includes(c.title) && text.includes(c.reviewed))) p.remove();
  }
}
