import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildReport, type OpenStores } from './records.js';

/** Customers' reports of agency adverts. */
export function reportContract(name: string, open: OpenStores): void {
  describe(`${name}: agency reports`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    it('When a report is saved, then it reads back by reference exactly as given, identifiers included', async () => {
      const report = buildReport();
      await stores.reports.save(report);
      expect(await stores.reports.get(report.reference)).toEqual(report);
    });

    it('When an unknown reference is asked for, then there is no report', async () => {
      expect(await stores.reports.get('R-unknown')).toBeUndefined();
    });

    it('When a reference is saved again, then the later report replaces the earlier', async () => {
      const report = buildReport();
      await stores.reports.save(report);
      const corrected = {
        ...report,
        platform: '小红书',
        identifiers: [{ kind: 'qq' as const, value: '12345' }],
      };
      await stores.reports.save(corrected);
      expect(await stores.reports.get(report.reference)).toEqual(corrected);
    });
  });
}
