import type { Browser } from 'playwright-core';

/** Where a pitch reaches a customer as a picture. */
export type Layout = 'shop' | 'chat' | 'sms';
export const LAYOUTS: readonly Layout[] = ['shop', 'chat', 'sms'];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const FRAME = `margin:0;font-family:'WenQuanYi Micro Hei',sans-serif;font-size:16px;line-height:1.5;color:#111`;

/** Each layout shows the text as its one block of words, the way the app it imitates would. */
function page(layout: Layout, text: string): string {
  const t = esc(text);
  switch (layout) {
    case 'shop':
      return `<body style="${FRAME};background:#f5f5f5"><div style="height:260px;background:linear-gradient(135deg,#ffb199,#ff0844)"></div>
        <div style="background:#fff;padding:14px 16px"><div style="color:#ff0844;font-size:22px">¥ 99.00</div>
        <div style="margin-top:8px;font-size:17px">${t}</div></div></body>`;
    case 'chat':
      return `<body style="${FRAME};background:#ededed"><div style="height:56px;background:#f7f7f7;border-bottom:1px solid #ddd"></div>
        <div style="display:flex;gap:10px;margin:24px 12px"><div style="flex:none;width:40px;height:40px;border-radius:4px;background:#7aa9d8"></div>
        <div style="background:#fff;border-radius:6px;padding:10px 12px;max-width:280px">${t}</div></div></body>`;
    case 'sms':
      return `<body style="${FRAME};background:#fff"><div style="height:70px;background:#f2f2f7;border-bottom:1px solid #ddd"></div>
        <div style="margin:28px 14px;background:#e9e9eb;border-radius:18px;padding:10px 14px;max-width:300px">${t}</div></body>`;
  }
}

/**
 * Renders a text as a phone screenshot (390×844 CSS pixels at 3×, as a recent phone takes one)
 * in the real Chromium, in the layout of a shop listing, a chat or a text message; `visible` is
 * every word on it, in reading order, what OCR should find.
 * @example const png = await renderScreenshot(browser, '专业团队帮你停息挂账', 'chat')
 */
export async function renderScreenshot(
  browser: Browser,
  text: string,
  layout: Layout,
): Promise<{ png: Buffer; visible: string }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  try {
    const p = await ctx.newPage();
    await p.setContent(page(layout, text));
    // Playwright's innerText (the words as laid out, line by line), not the DOM property.
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright page, not a DOM node
    return { png: await p.screenshot(), visible: await p.innerText('body') };
  } finally {
    await ctx.close();
  }
}
