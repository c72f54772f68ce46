import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type ReplaySettings, replaySettingsFromEnvironment } from './replay';

/** Every setting the server reads from the environment (docs/API.md, "Contract for automation"). */
export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('var'),
  REPLAY: z.enum(['on', 'off']).default('on'),
  CLOCK: z.enum(['wall', 'data']).default('data'),
  FEEDER_KEY: z.string().min(16, 'FEEDER_KEY must be at least 16 characters').optional(),
  BASEMAP_STYLE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** auto: session cookies carry Secure when the request came over https; on: always; off: never. */
  COOKIE_SECURE: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Which reverse proxies to believe about the client's address and protocol (X-Forwarded-For/-Proto). */
  TRUST_PROXY: z
    .string()
    .default('off')
    .describe(
      'off, a hop count (1 = the proxy in front), or addresses/subnets and loopback, linklocal, uniquelocal',
    )
    .transform((value, context) => trustProxySetting(value, context)),
  /** Signs the audit chain; default: DATA_DIR/audit.key, created at first start (mode 0600). */
  AUDIT_KEY: z.string().min(32, 'AUDIT_KEY must be at least 32 characters').optional(),
  /** PostgreSQL instead of the SQLite file in DATA_DIR (docs/DEPLOY.md). */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** How soon an open screen of an account disabled or signed out elsewhere stops getting office records. */
  LIVE_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Several processes: Socket.IO's Redis adapter and the engine feed (docs/DEPLOY.md); needs DATABASE_URL. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' })
    .optional(),
});

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Express's `trust proxy`: never "trust everyone", which would let any client pick its own address. */
function trustProxySetting(value: string, context: z.RefinementCtx): false | number | string[] {
  if (value === 'off') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const invalid = entries.filter((entry) => {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (proxyNames.has(entry)) return false;
    if (family === 0) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (invalid.length > 0)
    context.addIssue({
      code: 'custom',
      message: `not a proxy address, subnet or name: ${invalid.join(', ')}`,
    });
  return entries;
}

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  replay: boolean;
  clock: 'wall' | 'data';
  feederKey: string | undefined;
  basemapStyleUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  cookieSecure: 'auto' | 'on' | 'off';
  trustProxy: false | number | string[];
  auditKey: string | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  liveRecheckSeconds: number;
  replaySettings: ReplaySettings;
};

export function configFromEnvironment(environment: NodeJS.ProcessEnv): ServerConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  // Several processes share their state through PostgreSQL: an SQLite file belongs to one process.
  if (env.REDIS_URL && !env.DATABASE_URL)
    throw new Error(
      'Invalid environment:\n  REDIS_URL: several processes need DATABASE_URL (PostgreSQL) too',
    );
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    replay: env.REPLAY === 'on',
    clock: env.CLOCK,
    feederKey: env.FEEDER_KEY,
    basemapStyleUrl: env.BASEMAP_STYLE_URL,
    logLevel: env.LOG_LEVEL,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    auditKey: env.AUDIT_KEY,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    liveRecheckSeconds: env.LIVE_RECHECK_SECONDS,
    replaySettings: replaySettingsFromEnvironment(environment),
  };
}
