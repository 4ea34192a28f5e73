import { z } from 'zod';
import {
  createConversationBody,
  createConversationResponse,
  errorResponse,
  feedbackBody,
  handoffBody,
  handoffResponse,
  messagesResponse,
  postMessageBody,
  turnResponse,
} from './apiSchemas.js';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ content: { 'application/json': { schema: schema(s) } } });
const error = (description: string) => ({ description, ...json(errorResponse) });
const errors = {
  '400': error('Invalid request: the message names the problem and `field` the field'),
  '401': error('Missing, malformed or expired token'),
  '403': error("Another conversation's token"),
  '404': error('No such conversation or message'),
  '413': error('Body too large'),
  '429': {
    ...error('Too many requests'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const bearer = [{ bearer: [] }];

/** The OpenAPI 3.1 document of the customer API, generated from the same zod schemas that check it. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Anxin customer API',
      version: '1.0.0',
      description:
        'Web widget and mobile in-app chat (CONTRACT §2). Errors: {"error": {"code", "message", "field"?}}.',
    },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/conversations': {
        post: {
          summary: 'Open a conversation; answers the token and the welcome messages',
          requestBody: { required: false, ...json(createConversationBody) },
          responses: { '201': { description: 'Opened', ...json(createConversationResponse) }, ...errors },
        },
      },
      '/conversations/{id}/messages': {
        parameters: [id],
        post: {
          summary:
            "Send the customer's message; answers the bot's replies. A resent clientMessageId answers the first replies again.",
          security: bearer,
          requestBody: { required: true, ...json(postMessageBody) },
          responses: {
            '200': {
              description: "The bot's replies and the customer's message as stored (masked)",
              ...json(turnResponse),
            },
            ...errors,
          },
        },
        get: {
          summary: 'The transcript so far, customer turns included (masked)',
          security: bearer,
          responses: { '200': { description: 'Transcript', ...json(messagesResponse) }, ...errors },
        },
      },
      '/conversations/{id}/events': {
        parameters: [id, { name: 'token', in: 'query', required: false, schema: { type: 'string' } }],
        get: {
          summary:
            'Server-Sent Events: message (agent or system), handoff, typing; resumes with Last-Event-ID',
          security: bearer,
          responses: { '200': { description: 'text/event-stream' }, ...errors },
        },
      },
      '/conversations/{id}/handoff': {
        parameters: [id],
        post: {
          summary: 'Ask for a person',
          security: bearer,
          requestBody: { required: false, ...json(handoffBody) },
          responses: { '202': { description: 'Requested', ...json(handoffResponse) }, ...errors },
        },
      },
      '/conversations/{id}/feedback': {
        parameters: [id],
        post: {
          summary: 'Helpful / not helpful on a bot message',
          security: bearer,
          requestBody: { required: true, ...json(feedbackBody) },
          responses: { '204': { description: 'Recorded' }, ...errors },
        },
      },
    },
  };
}
