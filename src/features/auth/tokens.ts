import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a cookie or API token; the prefix lets secret scanners recognise leaked API tokens. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored; a stolen table gives no usable cookies or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'trygg_';
