import { z } from 'zod';
import { handoffSchema, messageSchema } from '../../conversation/apiMessage.js';

/** CONTRACT §2 shapes. Requests are checked with them; tests check responses with them too. */
export const createConversationBody = z
  .object({
    locale: z.enum(['zh-CN', 'en']).optional(),
    channel: z.enum(['web', 'app']).optional(),
  })
  .strict();

export const createConversationResponse = z.object({
  conversationId: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  messages: z.array(messageSchema),
});

export const postMessageBody = z
  .object({
    text: z.string().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
    clientMessageId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const messagesResponse = z.object({ messages: z.array(messageSchema) });
/** A turn's answer: the bot's replies, and the customer's own message as it was stored (masked). */
export const turnResponse = messagesResponse.extend({ customerText: z.string() });

export const handoffBody = z.object({ reason: z.string().max(500).optional() }).strict();
export const handoffResponse = z.object({ handoff: handoffSchema });

export const feedbackBody = z
  .object({
    messageId: z.string().min(1).max(100),
    helpful: z.boolean(),
    comment: z.string().max(1000).optional(),
  })
  .strict();

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
