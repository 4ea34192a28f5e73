const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
type Span = { days: Set<number>; from: number; to: number; text: string };

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * When people staff the chat, in the bank's time zone: `Mon-Fri 09:00-18:00, Sat 09:00-12:00`.
 * Unset means always open. Config parses it (a bad spec stops start-up), so it imports nothing.
 * @example OfficeHours.parse('Mon-Fri 09:00-18:00', 'Asia/Shanghai').isOpen(new Date())
 */
export class OfficeHours {
  private constructor(
    private readonly spans: Span[],
    private readonly timeZone: string,
  ) {}

  /** Throws an Error naming the part that cannot be read. */
  static parse(spec: string, timeZone: string): OfficeHours {
    new Intl.DateTimeFormat('en', { timeZone }); // throws RangeError on an unknown zone
    const spans = spec.split(',').map((part) => {
      const m = /^\s*([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}:\d{2})-(\d{2}:\d{2})\s*$/i.exec(part);
      const first = DAYS.indexOf((m?.[1] ?? '').toLowerCase() as (typeof DAYS)[number]);
      const last = m?.[2] ? DAYS.indexOf(m[2].toLowerCase() as (typeof DAYS)[number]) : first;
      if (!m || first < 0 || last < first || minutes(m[3] as string) >= minutes(m[4] as string))
        throw new Error(`"${part.trim()}" is not like "Mon-Fri 09:00-18:00"`);
      const days = new Set(Array.from({ length: last - first + 1 }, (_, i) => first + i));
      return { days, from: minutes(m[3] as string), to: minutes(m[4] as string), text: part.trim() };
    });
    return new OfficeHours(spans, timeZone);
  }

  isOpen(at: Date): boolean {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = DAYS.indexOf(get('weekday').toLowerCase() as (typeof DAYS)[number]);
    const now = Number(get('hour')) * 60 + Number(get('minute'));
    return this.spans.some((s) => s.days.has(day) && now >= s.from && now < s.to);
  }

  /** The hours as a customer reads them (the locales of knowledge/locale.ts; config sits below it). */
  describe(locale: 'zh-CN' | 'en'): string {
    if (locale === 'en') return this.spans.map((s) => s.text).join(', ');
    return this.spans
      .map((s) => {
        const days = [...s.days];
        const first = DAY_ZH[days[0] as number];
        const last = DAY_ZH[days[days.length - 1] as number];
        const range = s.text.split(/\s+/).pop() ?? '';
        return `${days.length > 1 ? `${first}至${last}` : first} ${range}`;
      })
      .join('，');
  }
}
