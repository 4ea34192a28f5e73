import { AppError } from '../errors.js';

/**
 * The errors every store implementation rejects with, so memory, SQLite and Redis fail alike
 * and the contract suites can hold them to one text.
 * @example throw storeErrors.eTagConflict('web/conversations/abc')
 */
export const storeErrors = {
  /** botbuilder MemoryStorage's own text, so callers match one message whatever the store. */
  eTagConflict: (key: string): Error => new Error(`Storage: error writing "${key}" due to eTag conflict.`),

  duplicateClientMessageId: (conversationId: string, clientMessageId: string): AppError =>
    new AppError(
      'conflict:transcript',
      `Transcript: clientMessageId "${clientMessageId}" is already used in conversation "${conversationId}".`,
    ),

  foreignMessage: (conversationId: string, messageId: string): AppError =>
    new AppError(
      'internal:transcript',
      `Transcript: message "${messageId}" belongs to another conversation than "${conversationId}".`,
    ),

  duplicateConversation: (id: string): AppError =>
    new AppError('conflict:conversation', `Conversations: "${id}" already exists.`),

  closed: (): AppError => new AppError('unavailable:storage', 'The store is closed.'),
};
