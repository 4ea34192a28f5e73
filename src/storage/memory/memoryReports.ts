import type { AgencyReport, ReportStore } from '../../bot/report/agencyReport.js';
import { copy, type MemoryState } from './memoryState.js';

/** Agency reports in memory; saving a reference again replaces it. @example await reports.save(report) */
export class MemoryReports implements ReportStore {
  private readonly byReference = new Map<string, AgencyReport>();

  constructor(private readonly state: MemoryState) {}

  save(report: AgencyReport): Promise<void> {
    return this.state.run(() => {
      this.byReference.set(report.reference, copy(report));
    });
  }

  get(reference: string): Promise<AgencyReport | undefined> {
    return this.state.run(() => {
      const report = this.byReference.get(reference);
      return report && copy(report);
    });
  }
}
