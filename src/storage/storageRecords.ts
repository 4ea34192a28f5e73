import type { Storage } from 'botbuilder';
import type { AgencyReport, HandoffRequest, HandoffRequests, ReportStore } from '../bot/ports.js';

/** Typed records under one key prefix of any botbuilder Storage (memory, SQLite, Redis). */
class Records<T extends object> {
  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
  ) {}

  async put(id: string, value: T): Promise<void> {
    await this.storage.write({ [`${this.prefix}/${id}`]: { ...value, eTag: '*' } });
  }

  async get(id: string): Promise<T | undefined> {
    const key = `${this.prefix}/${id}`;
    const found = (await this.storage.read([key]))[key] as (T & { eTag?: string }) | undefined;
    if (!found) return undefined;
    const { eTag: _eTag, ...value } = found;
    return value as T;
  }
}

/** Agency reports kept in the conversation store. */
export class StorageReportStore implements ReportStore {
  private readonly records: Records<AgencyReport>;
  constructor(storage: Storage) {
    this.records = new Records(storage, 'anxin/reports');
  }
  save(report: AgencyReport): Promise<void> {
    return this.records.put(report.reference, report);
  }
  get(reference: string): Promise<AgencyReport | undefined> {
    return this.records.get(reference);
  }
}

/** Handoff requests recorded in the conversation store until the agent queue takes them. */
export class StorageHandoffRequests implements HandoffRequests {
  private readonly records: Records<HandoffRequest>;
  constructor(storage: Storage) {
    this.records = new Records(storage, 'anxin/handoffs');
  }
  request(request: HandoffRequest): Promise<void> {
    return this.records.put(`${request.channel}/${request.conversationId}`, request);
  }
  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined> {
    return this.records.get(`${channel}/${conversationId}`);
  }
}
