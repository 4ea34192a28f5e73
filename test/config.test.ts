import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('When nothing is set, then the embedded defaults apply', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.redisUrl).toBeUndefined();
    expect(c.bank).toEqual({ name: undefined, hotline: undefined, appName: undefined });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('When several variables are wrong, then one error lists every one by name', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', BANK_HOTLINE: 'call us' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT:[\s\S]*BANK_HOTLINE:[\s\S]*LOG_LEVEL:/);
  });

  it('When EMBEDDINGS_OPTIONS is not a JSON object, then the variable is named', () => {
    expect(() => loadConfig({ EMBEDDINGS_OPTIONS: '[1,2]' })).toThrow(
      /EMBEDDINGS_OPTIONS: must be a JSON object/,
    );
  });

  it('When the bank is configured, then its name, hotline and app are kept', () => {
    const c = loadConfig({ BANK_NAME: '示例银行', BANK_HOTLINE: '95599', BANK_APP_NAME: '示例银行App' });
    expect(c.bank).toEqual({ name: '示例银行', hotline: '95599', appName: '示例银行App' });
  });

  it('When PUBLIC_URL is an http(s) origin, then it is kept as that origin; anything else is refused by name', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://Chat.Bank.example/' }).publicUrl).toBe(
      'https://chat.bank.example',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3978' }).publicUrl).toBe('http://10.0.0.5:3978');
    for (const bad of [
      'chat.bank.example',
      'ftp://chat.bank.example',
      'https://chat.bank.example/app',
      'https://u:p@chat.bank.example',
      'https://chat.bank.example/?x=1',
    ])
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL: must be an http\(s\) origin/);
  });

  it('When .env.example is read, then it lists exactly the variables the schema knows, and as written it is valid', () => {
    const text = readFileSync('.env.example', 'utf8');
    const names = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(Object.keys(configSchema.shape).sort());
    const env = Object.fromEntries([...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(loadConfig(env).port).toBe(3978);
  });
});
