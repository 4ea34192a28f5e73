import { AppError } from '../errors.js';

/**
 * The errors a refused queue transition rejects with, whatever the store, so the contract suites
 * hold every HandoffQueue to one text and the agent API maps them to one status.
 * @example throw handoffErrors.notFound('web', 'abc')
 */
export const handoffErrors = {
  notFound: (channel: string, conversationId: string): AppError =>
    new AppError('not_found:handoff', `Handoff: no request for ${channel}/${conversationId}.`),

  conflict: (
    channel: string,
    conversationId: string,
    state: string,
    action: string,
    from: string[],
  ): AppError =>
    new AppError(
      'conflict:handoff',
      `Handoff: ${channel}/${conversationId} is ${state}; ${action} needs ${from.join(' or ')}.`,
    ),

  forbidden: (channel: string, conversationId: string, agent: string): AppError =>
    new AppError('forbidden:handoff', `Handoff: ${channel}/${conversationId} is not held by "${agent}".`),
};
