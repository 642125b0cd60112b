import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/auth.js';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Passwords seen most often in breach corpora, plus words every Stockholm user would try first. */
const COMMON = new Set([
  'password', 'password1', 'password123', '123456789012', 'qwertyuiop', 'qwertyuiop123', 'iloveyou1234', 'letmein12345',
  'welcome12345', 'abc123456789', '111111111111', '000000000000', 'sommar2026!!', 'vinter2026!!', 'losenord1234',
  'lösenord1234', 'stockholm123', 'stockholm2026', 'trygghet1234', 'trygg1234567', 'hejhejhejhej', 'admin1234567',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

/** NIST SP 800-63B checks: length, a blocklist, no reuse of the account name; no composition rules. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH) return 'too_short';
  if (chars > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'too_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A readable one-time password: 4 groups of 5 base32 characters (100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}
