import type { AgentAccount, AgentAccounts } from '../agents/ports.js';
import { customerFacingName } from '../handoff/agentName.js';
import type { HandoffQueue } from '../handoff/handoffQueue.js';
import type { AgentCommand } from './agentArgs.js';

/** What the account commands need: the accounts, the queue (to say what a disabled agent holds), a clock. */
export type AccountDesk = {
  accounts: AgentAccounts;
  queue: Pick<HandoffQueue, 'claimedBy'>;
  now: () => string;
};

/** The answer of a command: lines for a person, and whether it did what was asked. */
export type CommandResult = { ok: boolean; lines: string[] };

/** One line per account: login, role, what customers are told, and whether it may log in. */
export function accountLine(a: AgentAccount): string {
  const seen = customerFacingName(a, 'zh-CN');
  const shown = seen
    ? `customers see "${seen}" / "${customerFacingName(a, 'en')}"`
    : 'no display name or staff number (customers see no name)';
  const status = a.disabledAt ? `disabled since ${a.disabledAt}` : 'enabled';
  return `${a.username} · ${a.role} · ${shown} · ${status}`;
}

/**
 * `add` (with the password already hashed), `list`, `disable`, `enable`.
 * @example await runAccountCommand({ command: 'list' }, desk, hash)
 */
export async function runAccountCommand(
  command: Exclude<AgentCommand, { command: 'help' }>,
  desk: AccountDesk,
  passwordHash: () => Promise<string>,
): Promise<CommandResult> {
  const { accounts } = desk;
  if (command.command === 'list') {
    const all = await accounts.list();
    if (!all.length)
      return { ok: true, lines: ['no agent accounts yet: npm run agent -- add <login> --role agent'] };
    return { ok: true, lines: all.map(accountLine) };
  }
  const existing = await accounts.get(command.username);
  if (command.command === 'add') {
    // A new password keeps the name, staff number and status the account had, unless given anew.
    const displayName = command.displayName ?? existing?.displayName;
    const staffNumber = command.staffNumber ?? existing?.staffNumber;
    await accounts.put({
      username: command.username,
      role: command.role,
      passwordHash: await passwordHash(),
      createdAt: existing?.createdAt ?? desk.now(),
      ...(displayName ? { displayName } : {}),
      ...(staffNumber ? { staffNumber } : {}),
      ...(existing?.disabledAt ? { disabledAt: existing.disabledAt } : {}),
    });
    const saved = await accounts.get(command.username);
    return { ok: true, lines: [`agent account saved: ${saved ? accountLine(saved) : command.username}`] };
  }
  if (!existing) return { ok: false, lines: [`no agent account "${command.username}"`] };
  if (command.command === 'enable') {
    await accounts.setDisabled(command.username, undefined);
    return { ok: true, lines: [`agent account "${command.username}" enabled: it may log in again`] };
  }
  if (!existing.disabledAt) await accounts.setDisabled(command.username, desk.now());
  const lines = [
    `agent account "${command.username}" disabled: it cannot log in, and its open sessions have stopped working`,
  ];
  const held = await desk.queue.claimedBy(command.username);
  if (held.length)
    lines.push(
      `note: it still holds ${held.length} conversation${held.length === 1 ? '' : 's'}; enable it again to release ${held.length === 1 ? 'it' : 'them'}`,
    );
  return { ok: true, lines };
}
