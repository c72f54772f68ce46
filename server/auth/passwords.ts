import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt with a per-user 16-byte salt; stored as `scrypt$N$<salt hex>$<key hex>`. */
const cost = 16_384;
const keyLength = 64;

function derive(password: string, salt: Buffer, N: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost}$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await derive(password, Buffer.from(saltHex, 'hex'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to verify against when the username does not exist, so timing does not reveal it. */
export const decoyHash = `scrypt$${cost}$${'00'.repeat(16)}$${'00'.repeat(keyLength)}`;
