import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PageCursor } from '../db/repositories/filings.ts';
import { ParameterError } from './errors.ts';

/**
 * Page cursors are opaque and tamper-evident: a version byte, the position (acceptance time in
 * ms and row id, 8 bytes each) and an HMAC-SHA-256 tag (16 bytes) under a key the server keeps
 * in its database, base64url-encoded. Anything else handed back as a cursor — forged, edited, or
 * signed by a server on another database — is a 400, never a query.
 */
const VERSION = 1;
const PAYLOAD_BYTES = 1 + 8 + 8;
const TAG_BYTES = 16;
// Acceptance times outside this range cannot be real EDGAR filings (and some cannot be stored).
const EARLIEST_MS = Date.UTC(1993, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface CursorCodec {
  encode(cursor: PageCursor): Promise<string>;
  /** The position a cursor names; a ParameterError for `parameter` if this API did not issue it. */
  decode(value: string, parameter?: string): Promise<PageCursor>;
}

/** `loadKey` is called on first use and again only after it failed. */
export function createCursorCodec(loadKey: () => Promise<Buffer>): CursorCodec {
  let key: Promise<Buffer> | null = null;
  const currentKey = () => {
    key ??= loadKey().catch((err: unknown) => {
      key = null;
      throw err;
    });
    return key;
  };
  const tag = (secret: Buffer, payload: Buffer) => createHmac('sha256', secret).update(payload).digest().subarray(0, TAG_BYTES);

  return {
    async encode(cursor) {
      const payload = Buffer.alloc(PAYLOAD_BYTES);
      payload.writeUInt8(VERSION, 0);
      payload.writeBigInt64BE(BigInt(Date.parse(cursor.acceptedAt)), 1);
      payload.writeBigInt64BE(BigInt(cursor.id), 9);
      return Buffer.concat([payload, tag(await currentKey(), payload)]).toString('base64url');
    },

    async decode(value, parameter = 'cursor') {
      const invalid = () => new ParameterError(parameter, `query parameter "${parameter}" is not a cursor this API issued`);
      const bytes = Buffer.from(value, 'base64url');
      // Node's decoder skips stray characters; only the canonical spelling of the bytes is accepted.
      if (bytes.length !== PAYLOAD_BYTES + TAG_BYTES || bytes.toString('base64url') !== value) throw invalid();
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), tag(await currentKey(), payload))) throw invalid();
      const ms = Number(payload.readBigInt64BE(1));
      const id = payload.readBigInt64BE(9);
      if (payload.readUInt8(0) !== VERSION || ms < EARLIEST_MS || ms > LATEST_MS || id < 1n || id > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid();
      return { acceptedAt: new Date(ms).toISOString(), id: Number(id) };
    },
  };
}
