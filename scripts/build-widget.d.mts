/** Sizes of one widget build; `withinBudget` is false above 40 KB gzipped (JS and CSS together). */
export type WidgetBuild = {
  outDir: string;
  jsBytes: number;
  cssBytes: number;
  gzipBytes: number;
  withinBudget: boolean;
};
export const WIDGET_BUDGET_BYTES: number;
/** Build public/dist/widget.js and widget.css (minified). */
export function buildWidget(options?: { outDir?: string }): Promise<WidgetBuild>;
