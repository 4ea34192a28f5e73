import path from 'node:path';
import { z } from 'zod';
import { OfficeHours } from './officeHours.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An http(s) origin (`https://host[:port]`, nothing after it), or undefined for anything else. */
function originOf(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return (url.protocol === 'https:' || url.protocol === 'http:') && bare ? url.origin : undefined;
}

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
  WECHAT_ACCOUNTS: optionalText,
  TOKEN_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  DIRECTLINE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CORS_ORIGINS: z.string().default('*'),
  TRUST_PROXY: z.string().trim().default('loopback'),
  PUBLIC_URL: optionalText.refine((v) => v === undefined || originOf(v) !== undefined, {
    message: 'must be an http(s) origin, such as https://chat.bank.example (no path, query or credentials)',
  }),
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
  /** The Direct Line secret a bank's server trades for conversation tokens; unset: Direct Line off. */
  directlineSecret: string | undefined;
  /** WeChat Official Accounts: the WECHAT_* one and any in WECHAT_ACCOUNTS. */
  wechat: readonly WechatConfig[];
  /** When agents staff the chat; undefined means always. */
  officeHours: OfficeHours | undefined;
  /** A bank's own contact centre: where handoff.initiate goes and the secret both sides sign with. */
  handoffWebhook: Readonly<{ url: string; secret: string }> | undefined;
  /**
   * Where clients reach this service (`https://chat.bank.example`): the origin of every absolute URL
   * handed out (Direct Line's streamUrl); unset, the server's own address. Never a request's Host.
   */
  publicUrl: string | undefined;
  /** Express `trust proxy`: which proxies' X-Forwarded-For / -Proto to believe (a hop count, CIDRs or names). */
  trustProxy: string | number;
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
  /** `main` for the WECHAT_* account, else the name given in WECHAT_ACCOUNTS. */
  name: string;
  /** Where WeChat pushes: `/wechat`, or `/wechat/<name>`. */
  path: string;
  token: string;
  appId: string | undefined;
  encodingAesKey: string | undefined;
  appSecret: string | undefined;
  apiBase: string;
  handoff: 'console' | 'wechat-kf';
}>;

const extraAccount = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'lowercase letters, digits and dashes'),
    token: z.string().min(3),
    appId: z.string().min(1).optional(),
    encodingAesKey: z.string().optional(),
    appSecret: z.string().min(1).optional(),
  })
  .strict();

function wechatAccount(
  a: Omit<WechatConfig, 'apiBase' | 'handoff'>,
  e: z.infer<typeof configSchema>,
  label: string,
): WechatConfig {
  if (a.encodingAesKey !== undefined && !/^[A-Za-z0-9]{43}$/.test(a.encodingAesKey))
    throw new ConfigError(
      `${label} encoding AES key: must be 43 letters and digits (from the WeChat console)`,
    );
  if (a.encodingAesKey && !a.appId)
    throw new ConfigError(`${label} app id: required with the encoding AES key (security mode checks it)`);
  return Object.freeze({ ...a, apiBase: e.WECHAT_API_BASE.replace(/\/$/, ''), handoff: e.WECHAT_HANDOFF });
}

/** The WECHAT_* account at `/wechat`, and any more (one per bank brand) from WECHAT_ACCOUNTS. */
function wechatOf(e: z.infer<typeof configSchema>): readonly WechatConfig[] {
  const accounts: WechatConfig[] = [];
  if (e.WECHAT_TOKEN)
    accounts.push(
      wechatAccount(
        {
          name: 'main',
          path: '/wechat',
          token: e.WECHAT_TOKEN,
          appId: e.WECHAT_APP_ID,
          encodingAesKey: e.WECHAT_ENCODING_AES_KEY,
          appSecret: e.WECHAT_APP_SECRET,
        },
        e,
        'WECHAT_ENCODING_AES_KEY / WECHAT_APP_ID:',
      ),
    );
  if (e.WECHAT_ACCOUNTS) {
    let raw: unknown;
    try {
      raw = JSON.parse(e.WECHAT_ACCOUNTS);
    } catch {
      throw new ConfigError('WECHAT_ACCOUNTS: must be a JSON array of accounts');
    }
    const parsed = z.array(extraAccount).safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new ConfigError(`WECHAT_ACCOUNTS: ${i?.path.join('.')}: ${i?.message}`);
    }
    for (const a of parsed.data) {
      if (a.name === 'main' || accounts.some((x) => x.name === a.name))
        throw new ConfigError(`WECHAT_ACCOUNTS: the name "${a.name}" is used twice`);
      accounts.push(
        wechatAccount(
          {
            name: a.name,
            path: `/wechat/${a.name}`,
            token: a.token,
            appId: a.appId,
            encodingAesKey: a.encodingAesKey,
            appSecret: a.appSecret,
          },
          e,
          `WECHAT_ACCOUNTS ${a.name}:`,
        ),
      );
    }
  }
  return Object.freeze(accounts);
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
    directlineSecret: e.DIRECTLINE_SECRET,
    trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL === undefined ? undefined : originOf(e.PUBLIC_URL),
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
