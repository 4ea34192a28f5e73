import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

/** How long one send to a Bot Framework channel may take before it is given up on. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Every send of this turn waits `ms` at most. A send that fails or times out is reported to
 * `failed` and the turn goes on, so the bot still saves its state and the conversation's lock is
 * released. `sent` collects what the bot sent, as it sent it.
 * @example boundSends(context, (err) => (failure ??= err), sent)
 */
export function boundSends(
  context: TurnContext,
  failed: (err: unknown) => void,
  sent: Partial<Activity>[] = [],
  ms = SEND_TIMEOUT_MS,
): void {
  context.onSendActivities(async (_context, activities, next) => {
    sent.push(...activities);
    try {
      return await within(next(), ms);
    } catch (err) {
      failed(err);
      return activities.map((): ResourceResponse => ({ id: '' }));
    }
  });
}

/** A promise that rejects if `work` takes longer than `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the channel did not answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
