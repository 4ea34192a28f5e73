import { agentContract } from './agentContract.js';
import { conversationContract } from './conversationContract.js';
import { feedbackContract } from './feedbackContract.js';
import { handoffContract } from './handoffContract.js';
import { handoffQueueContract } from './handoffQueueContract.js';
import type { OpenPlace, OpenStores } from './records.js';
import { reportContract } from './reportContract.js';
import { storageContract } from './storageContract.js';
import { transcriptContract } from './transcriptContract.js';

/**
 * Every store contract, for one implementation of the Stores bundle; `place` adds the cases that
 * need a restart or a second connection (durable implementations only).
 */
export function allContracts(name: string, open: OpenStores, place?: OpenPlace): void {
  storageContract(name, open);
  transcriptContract(name, open);
  conversationContract(name, open);
  feedbackContract(name, open);
  reportContract(name, open);
  handoffContract(name, open);
  handoffQueueContract(name, open, place);
  agentContract(name, open);
}
