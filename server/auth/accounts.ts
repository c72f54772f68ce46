import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Role, roleSchema } from '../../shared/plans/schema';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { AccountRow, Store } from '../store/types';
import { hashPassword, verifyPassword } from './passwords';
import { sha256Hex } from './principal';

const usernameSchema = z
  .string()
  .trim()
  .regex(/^[\w.-]{2,64}$/, 'username: 2–64 letters, digits, dot, dash or underscore');
/** A prefecture, or `both`. */
const jurisdictionOptionSchema = z.enum([...jurisdictionSchema.options, 'both']);
const passwordSchema = z.string().min(8, 'password: at least 8 characters').max(256);

export const newAccountSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
  jurisdiction: jurisdictionOptionSchema,
  password: passwordSchema,
});
export type NewAccount = z.infer<typeof newAccountSchema>;
export const accountNameSchema = z.object({ username: usernameSchema });
export const passwordChangeSchema = z.object({ username: usernameSchema, password: passwordSchema });
export const roleChangeSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
  jurisdiction: jurisdictionOptionSchema.optional().describe('unchanged when absent'),
});

/** A username the store does not have: the CLI exits 1 and writes nothing. */
export class UnknownAccountError extends Error {}

function existingAccount(store: Store, username: string): AccountRow {
  const account = store.accountByUsername(username);
  if (!account) throw new UnknownAccountError(`no account named ${username}`);
  return account;
}

/** An account's jurisdiction as the CLI and the audit name it (null, both prefectures, is `both`). */
export function jurisdictionOption(
  jurisdiction: AccountRow['jurisdiction'],
): z.infer<typeof jurisdictionOptionSchema> {
  return jurisdiction ?? 'both';
}

/** The stored jurisdiction of an option: `both` is null. */
function storedJurisdiction(option: z.infer<typeof jurisdictionOptionSchema>): AccountRow['jurisdiction'] {
  return option === 'both' ? null : option;
}

export async function addAccount(
  store: Store,
  input: NewAccount,
  options: { demo?: boolean; actor?: string } = {},
) {
  if (store.accountByUsername(input.username)) throw new Error(`username ${input.username} is taken`);
  const account: AccountRow = {
    id: randomUUID(),
    username: input.username,
    role: input.role,
    jurisdiction: storedJurisdiction(input.jurisdiction),
    passwordHash: await hashPassword(input.password),
    demo: options.demo ?? false,
    createdAt: Date.now(),
    disabledAt: null,
  };
  store.transaction(() => {
    store.addAccount(account);
    store.appendAudit({
      at: account.createdAt,
      actor: options.actor ?? 'cli',
      action: 'account.add',
      detail: {
        username: account.username,
        role: account.role,
        jurisdiction: input.jurisdiction,
        demo: account.demo,
      },
    });
  });
  return account;
}

/**
 * Disables (someone who left) or enables an account. A disabled account cannot sign in and its sessions end
 * now. Returns false, writing nothing, when the account already is as asked.
 */
export function setAccountDisabled(
  store: Store,
  username: string,
  disabled: boolean,
  actor = 'cli',
): boolean {
  const account = existingAccount(store, username);
  if ((account.disabledAt !== null) === disabled) return false;
  const at = Date.now();
  store.transaction(() => {
    store.setAccountDisabledAt(account.id, disabled ? at : null);
    const sessionsEnded = disabled ? store.deleteSessionsOf(account.id) : 0;
    store.appendAudit({
      at,
      actor,
      action: disabled ? 'account.disable' : 'account.enable',
      detail: disabled ? { username, sessionsEnded } : { username },
    });
  });
  return true;
}

/** A new password (a forgotten one, or a leaked one): the account's sessions end. */
export async function changePassword(
  store: Store,
  input: z.infer<typeof passwordChangeSchema>,
  actor = 'cli',
): Promise<void> {
  const account = existingAccount(store, input.username);
  const passwordHash = await hashPassword(input.password);
  store.transaction(() => {
    store.replacePasswordHash(account.id, passwordHash);
    const sessionsEnded = store.deleteSessionsOf(account.id);
    store.appendAudit({
      at: Date.now(),
      actor,
      action: 'account.password',
      detail: { username: account.username, sessionsEnded },
    });
  });
}

/** A new role (and jurisdiction when given); the account signs in again to work under it. */
export function changeRole(store: Store, input: z.infer<typeof roleChangeSchema>, actor = 'cli'): AccountRow {
  const account = existingAccount(store, input.username);
  const jurisdiction =
    input.jurisdiction === undefined ? account.jurisdiction : storedJurisdiction(input.jurisdiction);
  store.transaction(() => {
    store.setAccountRole(account.id, input.role, jurisdiction);
    const sessionsEnded = store.deleteSessionsOf(account.id);
    store.appendAudit({
      at: Date.now(),
      actor,
      action: 'account.role',
      detail: {
        username: account.username,
        from: { role: account.role, jurisdiction: jurisdictionOption(account.jurisdiction) },
        to: { role: input.role, jurisdiction: jurisdictionOption(jurisdiction) },
        sessionsEnded,
      },
    });
  });
  return { ...account, role: input.role, jurisdiction };
}

/** Creates a feeder API key; the key itself is shown once and only its sha256 is stored. */
export function addFeederKey(store: Store, label: string, actor = 'cli'): { id: string; key: string } {
  const key = `tsk_${randomBytes(24).toString('base64url')}`;
  const id = randomUUID();
  const createdAt = Date.now();
  store.transaction(() => {
    store.addFeederKey({ id, label, keyHash: sha256Hex(key), createdAt });
    store.appendAudit({ at: createdAt, actor, action: 'feeder-key.add', detail: { id, label } });
  });
  return { id, key };
}

/** Demo mode: one account per role, for both prefectures, named after the role, password `<role>-demo`. */
export function demoPassword(role: Role): string {
  return `${role}-demo`;
}

/** A demo account as printed at start: its password, or null when it is no longer the demo one. */
export type DemoAccount = { username: string; password: string | null };

/**
 * Creates the demo accounts when the store has no account yet; lists the enabled demo accounts in the
 * store, each with the demo password only if that still signs it in (checked against the stored hash, one
 * scrypt each at start): a password changed with `user passwd` is not printed as if it were the demo one.
 */
export async function ensureDemoAccounts(store: Store): Promise<DemoAccount[]> {
  if (store.accountCount() === 0) {
    for (const role of roleSchema.options) {
      const account = { username: role, role, jurisdiction: 'both' as const, password: demoPassword(role) };
      await addAccount(store, account, { demo: true, actor: 'demo-mode' });
    }
  }
  const demos = store.accounts().filter((account) => account.demo && account.disabledAt === null);
  return Promise.all(
    demos.map(async (account) => {
      const password = demoPassword(account.role);
      const { valid } = await verifyPassword(password, account.passwordHash);
      return { username: account.username, password: valid ? password : null };
    }),
  );
}
