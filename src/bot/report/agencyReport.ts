/** One identifier of a reported agency, normalised so reports about the same one match. */
export type Identifier = { kind: 'phone' | 'wechat' | 'qq' | 'url' | 'name'; value: string };

/** A customer's report of an agency advert or contact. */
export type AgencyReport = {
  reference: string;
  createdAt: string;
  locale: string;
  channel: string;
  conversationId: string;
  platform: string;
  identifiers: Identifier[];
  /** The customer's own description, personal data masked. */
  description: string;
};

/** Where reports are kept. @example await reports.save(report) */
export interface ReportStore {
  save(report: AgencyReport): Promise<void>;
  get(reference: string): Promise<AgencyReport | undefined>;
}
