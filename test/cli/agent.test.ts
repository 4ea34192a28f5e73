import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentArgs } from '../../src/cli/agentArgs.js';
import { agent, PASSWORD } from '../helpers/agents.js';
import { startRedis } from '../helpers/redisServer.js';
import { call, type Running, startServer } from '../helpers/server.js';
import { tempDir } from '../helpers/tempContent.js';

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run agent -- <args>` as an administrator types it, against the given store. */
function npmAgent(args: string[], env: Record<string, string>, input = ''): Run {
  const r = spawnSync('npm', ['run', '--silent', 'agent', '--', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command, started the quick way (node with tsx), for the longer scripts. */
function agentCli(args: string[], env: Record<string, string>, input = ''): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/agent.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', REDIS_URL: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run agent: help and bad arguments', () => {
  it('When an administrator asks for help, then the usage comes out, nothing else, and the exit code is 0', () => {
    const r = npmAgent(['--help'], { DATA_DIR: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Agent accounts for the console/);
    for (const command of ['add <login> --role agent|admin', 'list', 'disable <login>', 'enable <login>'])
      expect(r.stdout).toContain(command);
  });

  it('When an argument is wrong, then one sentence names it, with where to find help, and the exit code is 2', () => {
    const r = agentCli(['add', 'wang', '--role', 'boss'], { DATA_DIR: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('--role must be agent or admin\nsee: npm run agent -- --help\n');
  });

  it.each([
    [[], 'no command given'],
    [['help'], undefined],
    [['-h'], undefined],
    [['remove', 'wang'], 'unknown command "remove"'],
    [['add'], 'add: the login is missing'],
    [['add', 'wang'], 'add: --role is missing'],
    [['add', 'wang', '--role'], "Option '--role <value>' argument missing"],
    [['add', 'wang', '--rol', 'agent'], "Unknown option '--rol'"],
    [
      ['add', 'wang li', '--role', 'agent'],
      'the login must be 2–40 letters, digits, dots, dashes or underscores',
    ],
    [
      ['add', 'wang', '--role', 'agent', '--staff-no', '10 24'],
      '--staff-no must be 1–20 letters, digits or dashes',
    ],
    [['add', 'wang', '--role', 'agent', '--name', ' '], '--name must not be empty'],
    [['add', 'wang', 'li', '--role', 'agent'], 'unexpected argument "li"'],
    [['list', 'wang'], 'unexpected argument "wang"'],
    [['disable'], 'disable: the login is missing'],
    [['disable', 'wang', '--role', 'agent'], '--role is only for add'],
  ])('When the arguments are %j, then the problem is "%s"', (args, problem) => {
    const r = parseAgentArgs(args);
    if (problem === undefined) expect(r).toEqual({ ok: true, value: { command: 'help' } });
    else expect(r).toEqual({ ok: false, error: problem });
  });

  it('When an account is added with a name and a staff number, then all of it is read', () => {
    expect(
      parseAgentArgs(['add', 'wang', '--role', 'agent', '--name', '王芳', '--staff-no', '1024']),
    ).toEqual({
      ok: true,
      value: { command: 'add', username: 'wang', role: 'agent', displayName: '王芳', staffNumber: '1024' },
    });
  });
});

/**
 * An administrator manages wang's account with the CLI while the server runs on the same store
 * (a dozen CLI runs of about a second each, hence the longer timeout).
 */
function accountsWhileServing(store: string, env: () => Record<string, string>, server: () => Running) {
  it(`When an administrator adds, lists, disables and enables an account on ${store}, then each step says what customers see and whether it may log in`, async () => {
    const added = agentCli(
      ['add', 'wang', '--role', 'agent', '--name', '王芳', '--staff-no', '1024'],
      env(),
      `${PASSWORD}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('wang · agent · customers see "王芳（工号 1024）"');
    expect(agentCli(['add', 'li', '--role', 'admin'], env(), `${PASSWORD}\n`).code).toBe(0);
    expect(agentCli(['list'], env()).stdout).toBe(
      [
        'li · admin · no display name or staff number (customers see no name) · enabled',
        'wang · agent · customers see "王芳（工号 1024）" / "Agent 王芳 (staff no. 1024)" · enabled',
        '',
      ].join('\n'),
    );

    const wang = await agent(server().base, 'wang');
    expect((await wang('GET', '/queue')).status).toBe(200);
    const disabled = agentCli(['disable', 'wang'], env());
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('agent account "wang" disabled');
    expect(agentCli(['list'], env()).stdout).toMatch(/wang · agent · .* · disabled since \d{4}-/);
    // The session wang had stops working at once, and logging in again is refused, saying why.
    expect((await wang('GET', '/queue')).status).toBe(401);
    const login = await call(server().base, 'POST', '/api/v1/agent/login', {
      body: { username: 'wang', password: PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('account-disabled');

    // A new password keeps the name and the disabled state; enabling lets wang in again.
    agentCli(['add', 'wang', '--role', 'agent'], env(), `${PASSWORD}\n`);
    expect(agentCli(['list'], env()).stdout).toMatch(
      /wang · agent · customers see "王芳（工号 1024）" .* disabled/,
    );
    expect(agentCli(['enable', 'wang'], env()).stdout).toContain('agent account "wang" enabled');
    expect((await (await agent(server().base, 'wang'))('GET', '/queue')).status).toBe(200);

    const unknown = agentCli(['disable', 'nobody'], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('no agent account "nobody"\n');
  }, 120_000);
}

describe('npm run agent on SQLite', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.stop());
  accountsWhileServing(
    'SQLite',
    () => ({ DATA_DIR: s.dataDir }),
    () => s,
  );
});

describe('npm run agent on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let s: Running;
  beforeAll(async () => {
    redis = await startRedis();
    s = await startServer({}, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await s?.stop();
    await redis?.stop();
  });
  accountsWhileServing(
    'Redis',
    () => ({ DATA_DIR: tempDir(), REDIS_URL: redis.url }),
    () => s,
  );
});

describe('An account added before the server starts on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let s: Running | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await s?.stop();
    await redis?.stop();
  });

  it('When an operator runs npm run agent -- add with REDIS_URL set and then starts the server on that Redis, then the agent logs in with it', async () => {
    // Its own DATA_DIR, never the server's: the account can only reach the server through Redis.
    const added = npmAgent(
      ['add', 'zhou', '--role', 'agent'],
      { DATA_DIR: tempDir(), REDIS_URL: redis.url },
      `${PASSWORD}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    s = await startServer({}, { REDIS_URL: redis.url });
    const zhou = await agent(s.base, 'zhou');
    expect((await zhou('GET', '/queue')).status).toBe(200);
  }, 60_000);
});
