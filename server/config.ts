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
  /** on: session cookies carry Secure (serve over https, e.g. behind a TLS proxy). */
  COOKIE_SECURE: z.enum(['on', 'off']).default('off'),
});

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  replay: boolean;
  clock: 'wall' | 'data';
  feederKey: string | undefined;
  basemapStyleUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  secureCookies: boolean;
  replaySettings: ReplaySettings;
};

export function configFromEnvironment(environment: NodeJS.ProcessEnv): ServerConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    replay: env.REPLAY === 'on',
    clock: env.CLOCK,
    feederKey: env.FEEDER_KEY,
    basemapStyleUrl: env.BASEMAP_STYLE_URL,
    logLevel: env.LOG_LEVEL,
    secureCookies: env.COOKIE_SECURE === 'on',
    replaySettings: replaySettingsFromEnvironment(environment),
  };
}
