import { z } from 'zod';
import { hashPassword, passwordProblem } from '../agents/passwords.js';
import { loadConfig } from '../config.js';
import { openSqliteStores } from '../storage/sqlite/openSqliteStores.js';

const USAGE = 'usage: npm run agent -- add <username> --role agent|admin   (the password is read from stdin)';
const args = z.tuple([
  z.literal('add'),
  z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/i, 'username: 2–40 letters, digits, dot, dash or underscore'),
  z.literal('--role'),
  z.enum(['agent', 'admin'], { message: 'role: agent or admin' }),
]);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const parsed = args.safeParse(process.argv.slice(2).filter((a) => a !== '--'));
if (!parsed.success) fail(`${parsed.error.issues[0]?.message ?? 'bad arguments'}\n${USAGE}`);
const [, username, , role] = parsed.data;

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const password = input.replace(/\r?\n$/, '');
const problem = passwordProblem(password);
if (problem) fail(problem);

const stores = openSqliteStores(loadConfig(process.env).dataDir);
try {
  await stores.agents.put({
    username,
    role,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  console.log(`agent account "${username}" (${role}) saved`);
} finally {
  await stores.close();
}
