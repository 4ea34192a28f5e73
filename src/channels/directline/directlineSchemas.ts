import { z } from 'zod';

/**
 * `POST /tokens/generate` and `POST /conversations`. Direct Line clients send more than Anxin reads
 * (trustedOrigins, user name…), so unknown fields pass. `user.id` is not honoured: a conversation's
 * customer is always `dl_<conversationId>`.
 */
export const startBody = z.looseObject({
  user: z
    .looseObject({ id: z.string().max(100).optional(), name: z.string().max(100).optional() })
    .optional(),
  locale: z.string().max(20).optional(),
});

/** `POST /conversations/{id}/activities`: one activity, as Web Chat posts it. */
export const postedActivity = z.looseObject({
  type: z.string().min(1).max(50),
  text: z.string().max(2000, 'must be at most 2000 characters').optional(),
  locale: z.string().max(20).optional(),
  channelData: z.looseObject({ clientActivityID: z.string().min(1).max(100).optional() }).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not supported; send text').optional(),
});

/** Anxin's locales from a Direct Line locale ("en-US" → en); anything else is Chinese. @example localeOf('en-GB') // 'en' */
export function localeOf(locale: string | undefined): 'zh-CN' | 'en' {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
