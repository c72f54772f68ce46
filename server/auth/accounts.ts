import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Role, roleSchema } from '../../shared/plans/schema';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { AccountRow, Store } from '../store/types';
import { hashPassword } from './passwords';
import { sha256Hex } from './principal';

export const newAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[\w.-]{2,64}$/, 'username: 2–64 letters, digits, dot, dash or underscore'),
  role: roleSchema,
  /** A prefecture, or `both`. */
  jurisdiction: z.enum([...jurisdictionSchema.options, 'both']),
  password: z.string().min(8, 'password: at least 8 characters').max(256),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

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
    jurisdiction: input.jurisdiction === 'both' ? null : input.jurisdiction,
    passwordHash: await hashPassword(input.password),
    demo: options.demo ?? false,
    createdAt: Date.now(),
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

/** Creates the demo accounts when the store has no account yet; lists the demo accounts in the store. */
export async function ensureDemoAccounts(store: Store): Promise<{ username: string; password: string }[]> {
  if (store.accountCount() === 0) {
    for (const role of roleSchema.options) {
      const account = { username: role, role, jurisdiction: 'both' as const, password: demoPassword(role) };
      await addAccount(store, account, { demo: true, actor: 'demo-mode' });
    }
  }
  return store
    .accounts()
    .filter((account) => account.demo)
    .map((account) => ({ username: account.username, password: demoPassword(account.role) }));
}
