import { type Activity, MemoryStorage, TestAdapter } from 'botbuilder';
import { AnxinBot } from '../../src/bot/anxinBot.js';
import { allowedContacts, buildServices } from '../../src/bot/buildServices.js';
import type { Services } from '../../src/bot/services.js';
import { type ShownReply, shownIn } from '../../src/bot/shownReply.js';
import { type TurnOutcome, turnOutcome } from '../../src/conversation/turnOutcome.js';
import { loadContent } from '../../src/knowledge/content.js';
import type { BankProfile } from '../../src/knowledge/directory.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledgeIndex.js';
import { createLogger } from '../../src/logger.js';
import { openMemoryStores } from '../../src/storage/memory/openMemoryStores.js';
import { tempDir } from './tempContent.js';

const indexes = new Map<string, Promise<KnowledgeIndex>>();
/** One in-memory index per content folder, built once per test file. */
export function knowledgeOf(contentDir = 'content'): Promise<KnowledgeIndex> {
  let index = indexes.get(contentDir);
  if (!index) {
    index = KnowledgeIndex.open({
      content: loadContent(contentDir),
      dataDir: tempDir(),
      embeddings: { kind: 'local' },
      persist: false,
    });
    indexes.set(contentDir, index);
  }
  return index;
}

export type Said = TurnOutcome & { activities: Partial<Activity>[] };

/**
 * A fresh conversation with the real bot through botbuilder's TestAdapter; `say` returns what
 * the bot sent for that turn.
 */
export async function conversation(
  options: {
    bank?: BankProfile;
    contentDir?: string;
    officeHours?: { isOpen(at: Date): boolean; describe(): string };
  } = {},
) {
  const knowledge = await knowledgeOf(options.contentDir);
  const bank = options.bank ?? {};
  const services: Services = await buildServices(knowledge, bank);
  const storage = new MemoryStorage();
  const { reports, handoffs } = openMemoryStores();
  const logs: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const bot = new AnxinBot({
    ...(options.officeHours ? { officeHours: options.officeHours } : {}),
    services,
    storage,
    reports,
    handoffs,
    allowedContacts: allowedContacts(knowledge, bank),
    logger,
  });
  // What the pipeline reads of each turn: the bot's shown messages, as Anxin's own channels get them.
  let shown: ShownReply[] = [];
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
    shown = [...shownIn(context)];
  });
  return {
    adapter,
    storage,
    reports,
    handoffs,
    logs,
    async say(text: string, locale?: string): Promise<Said> {
      await adapter.receiveActivity({ type: 'message', text, ...(locale ? { locale } : {}) });
      const activities = adapter.activeQueue.splice(0);
      const event = activities.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
      const handoffEvent = event as unknown as Record<string, unknown> | undefined;
      return { ...turnOutcome({ messages: shown, ...(handoffEvent ? { handoffEvent } : {}) }), activities };
    },
  };
}
