import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Agent accounts for the console, in the configured store (DATA_DIR's SQLite, or Redis when REDIS_URL is set).

usage: npm run agent -- <command>

  add <login> --role agent|admin [--name <display name>] [--staff-no <number>]
      creates the account, or gives it a new password; the password is read from stdin.
      Customers see the display name and staff number ("王芳（工号 1024）"), never the login;
      left out, an existing account keeps the ones it had.
  list
      every account: login, role, what customers see, enabled or disabled.
  disable <login>
      the account can no longer log in, and its open sessions stop working.
  enable <login>
      the account may log in again.
  help, --help
      this text.

examples:
  echo 'a long enough secret' | npm run agent -- add wang --role agent --name 王芳 --staff-no 1024
  npm run agent -- disable wang`;

const login = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,39}$/i,
    'the login must be 2–40 letters, digits, dots, dashes or underscores',
  );
const addOptions = z.object({
  role: z.enum(['agent', 'admin'], { message: '--role must be agent or admin' }),
  name: z
    .string()
    .trim()
    .min(1, '--name must not be empty')
    .max(40, '--name must have at most 40 characters')
    .regex(/^[^\p{Cc}]*$/u, '--name must not hold control characters')
    .optional(),
  'staff-no': z
    .string()
    .regex(/^[A-Za-z0-9-]{1,20}$/, '--staff-no must be 1–20 letters, digits or dashes')
    .optional(),
});

export type AgentCommand =
  | { command: 'help' }
  | { command: 'list' }
  | { command: 'disable' | 'enable'; username: string }
  | {
      command: 'add';
      username: string;
      role: 'agent' | 'admin';
      displayName?: string;
      staffNumber?: string;
    };

type Parsed = { ok: true; value: AgentCommand } | { ok: false; error: string };

const failed = (error: string): Parsed => ({ ok: false, error });
const problem = (e: z.ZodError) => e.issues[0]?.message ?? 'bad arguments';

/**
 * The command line of `npm run agent`: a command, its login and, for `add`, its options. Every
 * problem is one sentence naming the argument.
 * @example parseAgentArgs(['add', 'wang', '--role', 'agent']) // { ok: true, value: { command: 'add', … } }
 */
export function parseAgentArgs(argv: string[]): Parsed {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv.filter((a) => a !== '--'));
  } catch (err) {
    // node's own message names the option; its first sentence is enough.
    return failed(String((err as Error).message).split(/\. /)[0] ?? 'bad arguments');
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help || command === 'help') return { ok: true, value: { command: 'help' } };
  if (!command) return failed('no command given');
  if (!['add', 'list', 'disable', 'enable'].includes(command)) return failed(`unknown command "${command}"`);
  const extraArgument = command === 'list' ? target : extra[0];
  if (extraArgument !== undefined) return failed(`unexpected argument "${extraArgument}"`);
  const given = Object.keys(values).map((k) => `--${k}`);
  if (command !== 'add' && given.length) return failed(`${given[0]} is only for add`);
  if (command === 'list') return { ok: true, value: { command } };
  if (target === undefined) return failed(`${command}: the login is missing`);
  const username = login.safeParse(target);
  if (!username.success) return failed(problem(username.error));
  if (command !== 'add')
    return { ok: true, value: { command: command as 'disable' | 'enable', username: target } };
  const options = addOptions.safeParse(values);
  if (!options.success)
    return failed(values.role === undefined ? 'add: --role is missing' : problem(options.error));
  const { role, name, 'staff-no': staffNumber } = options.data;
  return {
    ok: true,
    value: {
      command,
      username: target,
      role,
      ...(name ? { displayName: name } : {}),
      ...(staffNumber ? { staffNumber } : {}),
    },
  };
}

function parseCommandLine(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'staff-no': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
