import { hashPassword, passwordProblem } from '../agents/passwords.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';
import { parseAgentArgs, USAGE } from './agentArgs.js';
import { runAccountCommand } from './agentCommands.js';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const parsed = parseAgentArgs(process.argv.slice(2));
if (!parsed.ok) fail(`${parsed.error}\nsee: npm run agent -- --help`);
const command = parsed.value;
if (command.command === 'help') {
  console.log(USAGE);
  process.exit(0);
}

// The password is read (and checked) before any store is opened.
let password = '';
if (command.command === 'add') {
  if (process.stdin.isTTY) console.error('password (at least 12 characters), then Enter and Ctrl-D:');
  for await (const chunk of process.stdin) password += String(chunk);
  password = password.replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem) fail(problem);
}

const config = loadConfig(process.env);
// The runtime the server opens: the account lands in the store the server reads (SQLite or Redis).
const runtime = await openRuntime(config, createLogger('warn'));
try {
  const result = await runAccountCommand(
    command,
    { accounts: runtime.stores.agents, queue: runtime.stores.handoffs, now: () => new Date().toISOString() },
    () => hashPassword(password),
  );
  for (const line of result.lines) (result.ok ? console.log : console.error)(line);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await runtime.close();
}
