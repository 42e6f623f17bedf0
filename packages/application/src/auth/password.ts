import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum parameters (m = 19 MiB, t = 2, p = 1): ~17 ms a hash here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so that timing does not reveal valid user names.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('aftercare-no-such-user');
  return dummyHash;
}
