import type { AgencyReport, ReportStore } from '../../bot/report/agencyReport.js';
import type { RedisHandle } from './redisHandle.js';

/** Agency reports on Redis; saving a reference again replaces it. @example await reports.save(report) */
export class RedisReports implements ReportStore {
  constructor(private readonly handle: RedisHandle) {}

  save(report: AgencyReport): Promise<void> {
    return this.handle.run(async (redis) => {
      await redis.set(this.handle.key('report', report.reference), JSON.stringify(report));
    });
  }

  get(reference: string): Promise<AgencyReport | undefined> {
    return this.handle.run(async (redis) => {
      const raw = await redis.get(this.handle.key('report', reference));
      return raw === null ? undefined : (JSON.parse(raw) as AgencyReport);
    });
  }
}
