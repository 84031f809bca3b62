import { hash, verify } from '@node-rs/argon2';

// Passwords are stored as argon2id hashes (the encoded string carries its own parameters).

/** The argon2id hash of a password, to store on the user. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches the stored hash; false (never an exception) for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user name is unknown, so timing does not tell names apart. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('decoy-password-for-unknown-users');
  return decoy;
}
