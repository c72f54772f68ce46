import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { addAccount, addFeederKey, newAccountSchema } from './auth/accounts';
import { createStore } from './store/sqlite';

const usage = `usage:
  npm run cli -- user add --username <name> --role <role> --jurisdiction ili|kizilsu|both [--password <pw>]
      (without --password the password is read from stdin)
  npm run cli -- key add --label <feeder name>
the store is DATA_DIR (default var)`;

const keySchema = z.object({ label: z.string().trim().min(1, 'label: name the feeder').max(100) });

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function problems(error: z.ZodError): string {
  return error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n');
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    jurisdiction: { type: 'string' },
    password: { type: 'string' },
    label: { type: 'string' },
  },
});
const command = positionals.join(' ');
const store = createStore(resolve(process.env.DATA_DIR ?? 'var'));
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
  } else fail(`unknown command: ${command || '(none)'}`);
} catch (error) {
  fail((error as Error).message);
} finally {
  store.close();
}
