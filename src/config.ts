import path from 'node:path';
import { z } from 'zod';
import { OfficeHours } from './handoff/officeHours.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Every environment variable Anxin reads; `.env.example` lists the same set. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  REDIS_URL: optionalText,
  BANK_NAME: optionalText,
  BANK_HOTLINE: optionalText.refine((v) => v === undefined || /^[0-9][0-9 -]{2,19}$/.test(v), {
    message: 'must be a phone number: digits, spaces and dashes, 3–20 characters',
  }),
  BANK_APP_NAME: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  WECHAT_TOKEN: optionalText,
  WECHAT_APP_ID: optionalText,
  WECHAT_ENCODING_AES_KEY: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_API_BASE: z.string().trim().url().default('https://api.weixin.qq.com'),
  WECHAT_HANDOFF: z.enum(['console', 'wechat-kf']).default('console'),
  TOKEN_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CORS_ORIGINS: z.string().default('*'),
  OFFICE_HOURS: optionalText,
  OFFICE_TIMEZONE: z.string().default('Asia/Shanghai'),
  HANDOFF_WEBHOOK_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
    message: 'must be an http(s) URL',
  }),
  HANDOFF_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  EMBEDDINGS_MODULE: optionalText,
  EMBEDDINGS_OPTIONS: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  contentDir: string;
  redisUrl: string | undefined;
  bank: Readonly<{ name: string | undefined; hotline: string | undefined; appName: string | undefined }>;
  embeddings: Readonly<{ module: string | undefined; options: Record<string, unknown> }>;
  microsoft: Readonly<{
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
  }>;
  /** Signs conversation tokens; generated into DATA_DIR when unset. */
  tokenSecret: string | undefined;
  /** The WeChat Official Account, when WECHAT_TOKEN is set. */
  wechat: WechatConfig | undefined;
  /** When agents staff the chat; undefined means always. */
  officeHours: OfficeHours | undefined;
  /** A bank's own contact centre: where handoff.initiate goes and the secret both sides sign with. */
  handoffWebhook: Readonly<{ url: string; secret: string }> | undefined;
  /** Origins allowed to call the customer API from a browser (`*` for any). */
  corsOrigins: readonly string[];
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
}>;

/** Thrown when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseOptions(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below with the variable's name
  }
  throw new ConfigError('EMBEDDINGS_OPTIONS: must be a JSON object');
}

export type WechatConfig = Readonly<{
  token: string;
  appId: string | undefined;
  encodingAesKey: string | undefined;
  appSecret: string | undefined;
  apiBase: string;
  handoff: 'console' | 'wechat-kf';
}>;

function wechatOf(e: z.infer<typeof configSchema>): WechatConfig | undefined {
  if (!e.WECHAT_TOKEN) return undefined;
  if (e.WECHAT_ENCODING_AES_KEY !== undefined && !/^[A-Za-z0-9]{43}$/.test(e.WECHAT_ENCODING_AES_KEY))
    throw new ConfigError('WECHAT_ENCODING_AES_KEY: must be 43 letters and digits (from the WeChat console)');
  if (e.WECHAT_ENCODING_AES_KEY && !e.WECHAT_APP_ID)
    throw new ConfigError('WECHAT_APP_ID: required with WECHAT_ENCODING_AES_KEY (security mode checks it)');
  return Object.freeze({
    token: e.WECHAT_TOKEN,
    appId: e.WECHAT_APP_ID,
    encodingAesKey: e.WECHAT_ENCODING_AES_KEY,
    appSecret: e.WECHAT_APP_SECRET,
    apiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
    handoff: e.WECHAT_HANDOFF,
  });
}

function officeHoursOf(spec: string | undefined, timeZone: string): OfficeHours | undefined {
  if (!spec) return undefined;
  try {
    return OfficeHours.parse(spec, timeZone);
  } catch (err) {
    throw new ConfigError(`OFFICE_HOURS / OFFICE_TIMEZONE: ${(err as Error).message}`);
  }
}

function webhookOf(url: string | undefined, secret: string | undefined): Config['handoffWebhook'] {
  if (!url && !secret) return undefined;
  if (!url || !secret)
    throw new ConfigError('HANDOFF_WEBHOOK_URL and HANDOFF_WEBHOOK_SECRET: set both, or neither');
  return Object.freeze({ url, secret });
}

/**
 * The only reader of the environment: parse once, fail fast naming every bad variable.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (`PORT=` copied from .env.example) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    contentDir: path.resolve(e.CONTENT_DIR),
    redisUrl: e.REDIS_URL,
    bank: Object.freeze({ name: e.BANK_NAME, hotline: e.BANK_HOTLINE, appName: e.BANK_APP_NAME }),
    embeddings: Object.freeze({ module: e.EMBEDDINGS_MODULE, options: parseOptions(e.EMBEDDINGS_OPTIONS) }),
    microsoft: Object.freeze({
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
    }),
    tokenSecret: e.TOKEN_SECRET,
    handoffWebhook: webhookOf(e.HANDOFF_WEBHOOK_URL, e.HANDOFF_WEBHOOK_SECRET),
    officeHours: officeHoursOf(e.OFFICE_HOURS, e.OFFICE_TIMEZONE),
    wechat: wechatOf(e),
    corsOrigins: Object.freeze(
      e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    logLevel: e.LOG_LEVEL,
  });
}
