import { z } from 'zod';

/** A message and the customer's view of a handoff as CONTRACT §2 shows them, on every channel's API and the agents' consoles. */
export const handoffSchema = z.object({
  state: z.enum(['queued', 'accepted', 'completed', 'failed', 'offline']),
  position: z.number().int().min(0).optional(),
  agentName: z.string().optional(),
});

export const messageSchema = z.object({
  id: z.string(),
  role: z.enum(['customer', 'bot', 'agent', 'system']),
  text: z.string(),
  html: z.string(),
  suggestedActions: z.array(z.object({ title: z.string(), value: z.string() })),
  citations: z.array(z.object({ articleId: z.string(), title: z.string(), reviewed: z.string() })),
  handoff: handoffSchema.optional(),
  createdAt: z.string(),
});
export type ApiMessage = z.infer<typeof messageSchema>;
