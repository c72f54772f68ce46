import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  accountNameSchema,
  addAccount,
  addFeederKey,
  changePassword,
  changeRole,
  jurisdictionOption,
  newAccountSchema,
  passwordChangeSchema,
  roleChangeSchema,
  setAccountDisabled,
  UnknownAccountError,
} from './auth/accounts';
import { environmentSchema } from './config';
import { openStore } from './store';
import type { AccountRow } from './store/types';

const usage = `usage:
  npm run cli -- user add --username <name> --role <role> --jurisdiction ili|kizilsu|both [--password <pw>]
      (without --password the password is read from stdin)
  npm run cli -- user list
  npm run cli -- user disable --username <name>   (cannot sign in; its sessions end now)
  npm run cli -- user enable --username <name>
  npm run cli -- user passwd --username <name> [--password <pw>]   (its sessions end; stdin as for add)
  npm run cli -- user role --username <name> --role <role> [--jurisdiction ili|kizilsu|both]
      (its sessions end; it signs in again under the new role)
  (an unknown username exits 1 and changes nothing)
  npm run cli -- key add --label <feeder name>
  npm run cli -- audit verify      (exits 1 when the audit chain is broken)
the store is DATA_DIR (default var), or DATABASE_URL; AUDIT_KEY as for the server`;

const keySchema = z.object({ label: z.string().trim().min(1, 'label: name the feeder').max(100) });

const instant = (at: number) => `${new Date(at).toISOString().slice(0, 16)}Z`;

/** `user list`: one line per account, never a password hash. */
function accountTable(accounts: AccountRow[]): string {
  const rows = [
    ['username', 'role', 'jurisdiction', 'status', 'created'],
    ...accounts.map((account) => [
      account.username,
      account.role,
      jurisdictionOption(account.jurisdiction),
      (account.disabledAt === null ? 'active' : `disabled ${instant(account.disabledAt)}`) +
        (account.demo ? ' (demo)' : ''),
      instant(account.createdAt),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function problems(error: z.ZodError, prefix = '--'): string {
  return error.issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`).join('\n');
}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        jurisdiction: { type: 'string' },
        password: { type: 'string' },
        label: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // A mistyped option: its name and the usage, not Node's stack trace.
    return fail((error as Error).message.split('. ')[0]!);
  }
}
const { positionals, values } = readArguments();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const command = positionals.join(' ');
const environment = environmentSchema
  .pick({ DATA_DIR: true, AUDIT_KEY: true, DATABASE_URL: true })
  .safeParse(process.env);
if (!environment.success) fail(problems(environment.error, 'environment '));
function open(settings: Parameters<typeof openStore>[0]) {
  try {
    return openStore(settings);
  } catch (error) {
    // An unreachable database is not a broken chain: exit 2 with the reason, never 1.
    return fail(`cannot open the store: ${(error as Error).message}`);
  }
}
const store = open({
  dataDir: resolve(environment.data.DATA_DIR),
  auditKey: environment.data.AUDIT_KEY,
  databaseUrl: environment.data.DATABASE_URL,
});
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : fail(problems(parsed.error));
}
const passwordFromStdin = () => readFileSync(0, 'utf8').replace(/\r?\n$/, '');
try {
  if (command === 'user add') {
    const input = parse(newAccountSchema, { ...values, password: values.password ?? passwordFromStdin() });
    const account = await addAccount(store, input);
    console.log(`added ${account.username} (${account.role}, ${input.jurisdiction})`);
  } else if (command === 'user list') {
    console.log(accountTable(store.accounts()));
  } else if (command === 'user disable' || command === 'user enable') {
    const { username } = parse(accountNameSchema, values);
    const disable = command === 'user disable';
    const changed = setAccountDisabled(store, username, disable);
    const state = disable ? 'disabled' : 'enabled';
    console.log(changed ? `${state} ${username}` : `${username} is already ${state}; nothing changed`);
  } else if (command === 'user passwd') {
    const input = parse(passwordChangeSchema, {
      username: values.username,
      password: values.password ?? passwordFromStdin(),
    });
    await changePassword(store, input);
    console.log(`new password for ${input.username}; its sessions are ended`);
  } else if (command === 'user role') {
    const account = changeRole(store, parse(roleChangeSchema, values));
    console.log(
      `${account.username} is now ${account.role} (${jurisdictionOption(account.jurisdiction)}); its sessions are ended`,
    );
  } else if (command === 'key add') {
    const { label } = parse(keySchema, values);
    const { id, key } = addFeederKey(store, label);
    console.log(`feeder key ${id} for ${label} (shown once, send as Authorization: Bearer <key>):\n${key}`);
  } else if (command === 'audit verify') {
    const status = store.verifyAudit();
    if (status.ok) console.log(`audit chain holds: ${status.entries} entries`);
    else {
      console.error(`audit chain BROKEN at entry ${status.brokenAt ?? '?'}: ${status.problem}`);
      process.exitCode = 1;
    }
  } else fail(`unknown command: ${command || '(none)'}`);
} catch (error) {
  if (!(error instanceof UnknownAccountError)) fail((error as Error).message);
  console.error(error.message);
  process.exitCode = 1;
} finally {
  store.close();
}
