import type { AgencyReport, Identifier, ReportStore } from '../../bot/report/agencyReport.js';
import type { SqliteHandle } from './sqliteHandle.js';

type Row = {
  reference: string;
  created_at: string;
  locale: string;
  channel: string;
  conversation_id: string;
  platform: string;
  identifiers: string;
  description: string;
};

/**
 * Agency reports on SQLite; identifiers are a JSON column. Saving a reference again replaces it.
 * @example await reports.save(report)
 */
export class SqliteReports implements ReportStore {
  private readonly upsert;
  private readonly select;

  constructor(private readonly handle: SqliteHandle) {
    this.upsert = handle.db.prepare<[Row]>(
      `INSERT INTO reports (reference, created_at, locale, channel, conversation_id, platform, identifiers, description)
       VALUES (@reference, @created_at, @locale, @channel, @conversation_id, @platform, @identifiers, @description)
       ON CONFLICT (reference) DO UPDATE SET created_at = excluded.created_at, locale = excluded.locale,
         channel = excluded.channel, conversation_id = excluded.conversation_id, platform = excluded.platform,
         identifiers = excluded.identifiers, description = excluded.description`,
    );
    this.select = handle.db.prepare<[string], Row>('SELECT * FROM reports WHERE reference = ?');
  }

  save(report: AgencyReport): Promise<void> {
    return this.handle.run(() => {
      this.upsert.run({
        reference: report.reference,
        created_at: report.createdAt,
        locale: report.locale,
        channel: report.channel,
        conversation_id: report.conversationId,
        platform: report.platform,
        identifiers: JSON.stringify(report.identifiers),
        description: report.description,
      });
    });
  }

  get(reference: string): Promise<AgencyReport | undefined> {
    return this.handle.run(() => {
      const row = this.select.get(reference);
      return (
        row && {
          reference: row.reference,
          createdAt: row.created_at,
          locale: row.locale,
          channel: row.channel,
          conversationId: row.conversation_id,
          platform: row.platform,
          identifiers: JSON.parse(row.identifiers) as Identifier[],
          description: row.description,
        }
      );
    });
  }
}
