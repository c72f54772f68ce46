import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * scrypt with a per-user 16-byte salt, stored as `scrypt$N$<salt hex>$<key hex>`: the hash carries its cost,
 * so a hash made at a lower cost still verifies and is replaced at the next sign-in (needsRehash).
 * N = 2^17, r = 8, p = 1 is OWASP's minimum for scrypt (128 MiB per hash). SCRYPT_LOG2_COST lowers it for
 * the test suite only (vitest.config.ts), where hundreds of sign-ins would otherwise cost minutes of CPU.
 */
export function passwordCostOf(environment: Record<string, string | undefined>): number {
  return 2 ** z.coerce.number().int().min(10).max(20).default(17).parse(environment.SCRYPT_LOG2_COST);
}

const cost = passwordCostOf(process.env);
const keyLength = 64;
const blockSize = 8;

function derive(password: string, salt: Buffer, N: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; leave headroom for its bookkeeping.
  const options: ScryptOptions = { N, r: blockSize, p: 1, maxmem: 2 * 128 * N * blockSize };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, N = cost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N);
  return `scrypt$${N}$${salt.toString('hex')}$${key.toString('hex')}`;
}

export type PasswordCheck = { valid: boolean; needsRehash: boolean };

const storedSchema = z.tuple([
  z.literal('scrypt'),
  z.coerce
    .number()
    .int()
    .refine((N) => N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0, 'N is a power of two up to 2^20'),
  z.string().regex(/^[0-9a-f]{32}$/),
  z.string().regex(/^[0-9a-f]{128}$/),
]);

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parsed = storedSchema.safeParse(stored.split('$'));
  if (!parsed.success) return { valid: false, needsRehash: false };
  const [, N, saltHex, keyHex] = parsed.data;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await derive(password, Buffer.from(saltHex, 'hex'), N);
  return { valid: timingSafeEqual(actual, expected), needsRehash: N < cost };
}

/** A hash to verify against when the username does not exist, so timing does not reveal it. */
export const decoyHash = `scrypt$${cost}$${'00'.repeat(16)}$${'00'.repeat(keyLength)}`;
