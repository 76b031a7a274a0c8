// API keys: `c8k_` and 256 random bits (base64url). Only the key's SHA-256 is stored: with that
// much entropy a salted slow hash would add nothing, and a plain hash can be looked up by value.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../db/schema.ts';

export { API_KEY_SCOPES, type ApiKeyScope };

export const API_KEY_PREFIX = 'c8k_';
const KEY_SHAPE = /^c8k_[A-Za-z0-9_-]{43}$/;
/** Characters of the key after `c8k_` kept to tell keys apart in `keys list`: 36 bits, not a secret. */
const SHOWN_CHARS = 6;

export interface NewApiKey {
  /** The key itself, shown once. */
  key: string;
  /** `c8k_` and its first characters, for lists. */
  prefix: string;
  hash: Buffer;
}

export function generateApiKey(random: (size: number) => Buffer = randomBytes): NewApiKey {
  const key = `${API_KEY_PREFIX}${random(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + SHOWN_CHARS), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Whether a presented token could be a key at all (anything else is refused without a lookup). */
export function isApiKeyShaped(token: string): boolean {
  return KEY_SHAPE.test(token);
}

/** Constant-time comparison of two key hashes. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Each scope includes the ones before it: an `admin` key may do what an `alerts` key may.
export function scopeAllows(granted: ApiKeyScope, required: ApiKeyScope): boolean {
  return API_KEY_SCOPES.indexOf(granted) >= API_KEY_SCOPES.indexOf(required);
}
