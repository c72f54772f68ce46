import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { addAccount, addFeederKey, newAccountSchema } from './auth/accounts';
import { environmentSchema } from './config';
import { openStore } from './store';

const usage = `usage:
  npm run cli -- user add --username <name> --role <role> --jurisdiction ili|kizilsu|both [--password <pw>]
      (without --password the password is read from stdin)
  npm run cli -- key add --label <feeder name>
  npm run cli -- audit verify      (exits 1 when the audit chain is broken)
the store is DATA_DIR (default var), or DATABASE_URL; AUDIT_KEY as for the server`;

const keySchema = z.object({ label: z.string().trim().min(1, 'label: name the feeder').max(100) });

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
try {
  if (command === 'user add') {
    const password = values.password ?? readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    const parsed = newAccountSchema.safeParse({ ...values, password });
    if (!parsed.success) fail(problems(parsed.error));
    const account = await addAccount(store, parsed.data);
    console.log(`added ${account.username} (${account.role}, ${parsed.data.jurisdiction})`);
  } else if (command === 'key add') {
    const parsed = keySchema.safeParse(values);
    if (!parsed.success) fail(problems(parsed.error));
    const { id, key } = addFeederKey(store, parsed.data.label);
    console.log(
      `feeder key ${id} for ${parsed.data.label} (shown once, send as Authorization: Bearer <key>):\n${key}`,
    );
  } else if (command === 'audit verify') {
    const status = store.verifyAudit();
    if (status.ok) console.log(`audit chain holds: ${status.entries} entries`);
    else {
      console.error(`audit chain BROKEN at entry ${status.brokenAt ?? '?'}: ${status.problem}`);
      process.exitCode = 1;
    }
  } else fail(`unknown command: ${command || '(none)'}`);
} catch (error) {
  fail((error as Error).message);
} finally {
  store.close();
}
