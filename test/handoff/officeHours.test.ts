import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { OfficeHours } from '../../src/officeHours.js';
import { conversation } from '../helpers/bot.js';

const closed = { isOpen: () => false, describe: () => '周一至周五 09:00-18:00' };

describe('Office hours', () => {
  it('When hours are configured, then they are read in the bank time zone and described per locale', () => {
    const hours = OfficeHours.parse('Mon-Fri 09:00-18:00, Sat 09:00-12:00', 'Asia/Shanghai');
    expect(hours.isOpen(new Date('2026-11-24T02:00:00Z'))).toBe(true); // Tuesday 10:00 in Shanghai
    expect(hours.isOpen(new Date('2026-11-24T12:00:00Z'))).toBe(false); // Tuesday 20:00
    expect(hours.isOpen(new Date('2026-11-29T03:00:00Z'))).toBe(false); // Sunday
    expect(hours.describe('zh-CN')).toBe('周一至周五 09:00-18:00，周六 09:00-12:00');
  });

  it('When the setting cannot be read, then start-up stops naming it', () => {
    expect(() => loadConfig({ OFFICE_HOURS: 'weekdays 9 to 6' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ OFFICE_HOURS: 'Mon-Fri 09:00-18:00', OFFICE_TIMEZONE: 'Mars/Olympus' }),
    ).toThrow(/OFFICE_HOURS/);
    expect(loadConfig({}).officeHours).toBeUndefined();
  });

  it('When a customer asks for a person outside office hours, then they are told honestly and may leave a number, kept only in the queue', async () => {
    const c = await conversation({ officeHours: closed });
    const asked = await c.say('转人工');
    expect(asked.reply).toMatch(/不在人工客服的服务时间（周一至周五 09:00-18:00）/);
    expect(asked.handoff).toBe(true);
    const conversationId = asked.activities[0]?.conversation?.id ?? '';
    expect((await c.handoffs.entry('test', conversationId))?.state).toBe('offline');
    const left = await c.say('可以打 13812345678 找我');
    expect(left.reply).toMatch(/138\*{4}5678/);
    expect(left.reply).not.toMatch(/13812345678/);
    expect((await c.handoffs.entry('test', conversationId))?.callback?.phone).toBe('13812345678');
    const memory = (c.storage as unknown as { memory: Record<string, string> }).memory;
    expect(JSON.stringify(memory)).not.toMatch(/13812345678/);
  });

  it('When a customer in distress writes outside office hours, then the crisis lines come first anyway', async () => {
    const c = await conversation({ officeHours: closed });
    const said = await c.say('我真的撑不下去了 不想活了');
    expect(said.reply.indexOf('12356')).toBeLessThan(said.reply.indexOf('不在人工客服的服务时间'));
    expect(said.reply).toMatch(/110/);
  });
});
