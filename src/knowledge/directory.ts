import { z } from 'zod';
import type { Locale } from './locale.js';

const localized = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const directoryEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
    kind: z.enum(['phone', 'url', 'mini-program', 'place']),
    value: z.string().min(1),
    name: localized,
    purpose: localized,
    hours: localized.optional(),
    source: z.string().min(3),
    verified: isoDate,
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === 'phone' && !/^[0-9][0-9-]{2,15}$/.test(e.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'a phone entry needs a number (digits and dashes)',
      });
    if (e.kind === 'url' && !/^https:\/\/[a-z0-9.-]+(\/\S*)?$/i.test(e.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a url entry needs an https:// address' });
  });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** The file's outline; each entry is checked on its own so one bad entry does not hide the others. */
export const directoryFileSchema = z.object({ entries: z.array(z.unknown()).min(1) }).strict();

/** The deploying bank's own details, from configuration; unset means neutral wording. */
export type BankProfile = {
  name?: string | undefined;
  hotline?: string | undefined;
  appName?: string | undefined;
};

/**
 * The official directory: the only place a number or address the bot may show is written.
 * @example directory.render('12378', 'zh-CN') // '国家金融监督管理总局银行保险消费者投诉维权热线 12378'
 */
export class Directory {
  private readonly byId: ReadonlyMap<string, DirectoryEntry>;

  constructor(readonly entries: readonly DirectoryEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  get(id: string): DirectoryEntry | undefined {
    return this.byId.get(id);
  }

  render(id: string, locale: Locale): string {
    const e = this.byId.get(id);
    if (!e) throw new Error(`unknown directory entry "${id}"`);
    return e.kind === 'phone' || e.kind === 'url' ? `${e.name[locale]} ${e.value}` : e.name[locale];
  }

  /** Every phone number and address the directory allows (values, and short numbers inside names), for the outgoing guardrail. */
  allowedValues(): string[] {
    const values = this.entries.filter((e) => e.kind === 'phone' || e.kind === 'url').map((e) => e.value);
    const inNames = this.entries.flatMap((e) =>
      [...`${e.name['zh-CN']} ${e.name.en}`.matchAll(/\d{3,}/g)].map((m) => m[0]),
    );
    return [...new Set([...values, ...inNames])];
  }
}
