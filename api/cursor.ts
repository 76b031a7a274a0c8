import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRankCursor, type ListCursor, type PageCursor } from '../db/repositories/filings.ts';
import { ParameterError } from './errors.ts';

/**
 * Page cursors are opaque and tamper-evident: a version byte, the position and an HMAC-SHA-256
 * tag (16 bytes) under a key the server keeps in its database, base64url-encoded. Version 1 is a
 * position in a list's time order (acceptance or activity time in ms, row id: 8 bytes each);
 * version 2 one in a search's rank order (the rank as a float64, row id), and its tag also covers
 * the search text, so it only continues the search it came from. Anything else handed back as a
 * cursor — forged, edited, signed by a server on another database, or from another search — is a
 * 400, never a query.
 */
const TIME_VERSION = 1;
const RANK_VERSION = 2;
const PAYLOAD_BYTES = 1 + 8 + 8;
const TAG_BYTES = 16;
// Acceptance times outside this range cannot be real EDGAR filings (and some cannot be stored).
const EARLIEST_MS = Date.UTC(1993, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface CursorCodec {
  /** `search` is the `q` of a search page (bound into a rank cursor's tag). */
  encode(cursor: ListCursor, search?: string): Promise<string>;
  /**
   * The position a cursor names; a ParameterError for `parameter` if this API did not issue it, or
   * did not issue it for this `search` (a search takes rank cursors only, a list time cursors only).
   */
  decode(value: string, parameter?: string): Promise<PageCursor>;
  decode(value: string, parameter: string, search: string | undefined): Promise<ListCursor>;
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
  // A version 1 tag covers the payload alone, as it always did: cursors already handed out still work.
  const tag = (secret: Buffer, payload: Buffer, search: string | undefined) => {
    const mac = createHmac('sha256', secret).update(payload);
    if (payload.readUInt8(0) === RANK_VERSION) mac.update(Buffer.from(search ?? '', 'utf8'));
    return mac.digest().subarray(0, TAG_BYTES);
  };

  const codec = {
    async encode(cursor: ListCursor, search?: string): Promise<string> {
      const payload = Buffer.alloc(PAYLOAD_BYTES);
      if (isRankCursor(cursor)) {
        payload.writeUInt8(RANK_VERSION, 0);
        payload.writeDoubleBE(cursor.rank, 1);
      } else {
        payload.writeUInt8(TIME_VERSION, 0);
        payload.writeBigInt64BE(BigInt(Date.parse(cursor.acceptedAt)), 1);
      }
      payload.writeBigInt64BE(BigInt(cursor.id), 9);
      return Buffer.concat([payload, tag(await currentKey(), payload, search)]).toString('base64url');
    },

    async decode(value: string, parameter = 'cursor', search?: string): Promise<ListCursor> {
      const invalid = (why = 'is not a cursor this API issued') => new ParameterError(parameter, `query parameter "${parameter}" ${why}`);
      const bytes = Buffer.from(value, 'base64url');
      // Node's decoder skips stray characters; only the canonical spelling of the bytes is accepted.
      if (bytes.length !== PAYLOAD_BYTES + TAG_BYTES || bytes.toString('base64url') !== value) throw invalid();
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      const version = payload.readUInt8(0);
      if (version !== TIME_VERSION && version !== RANK_VERSION) throw invalid();
      if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), tag(await currentKey(), payload, search))) {
        throw invalid(version === RANK_VERSION ? 'is not a cursor this API issued for this search (`q`)' : undefined);
      }
      const id = payload.readBigInt64BE(9);
      if (id < 1n || id > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid();
      if (version === RANK_VERSION) {
        if (search === undefined) throw invalid('continues a search: pass the same `q` with it');
        const rank = payload.readDoubleBE(1);
        if (!Number.isFinite(rank) || rank < 0) throw invalid();
        return { rank, id: Number(id) };
      }
      if (search !== undefined) throw invalid('continues a list, not this search: start the search without a cursor');
      const ms = Number(payload.readBigInt64BE(1));
      if (ms < EARLIEST_MS || ms > LATEST_MS) throw invalid();
      return { acceptedAt: new Date(ms).toISOString(), id: Number(id) };
    },
  };
  // Without a search, decode only ever returns a time cursor (a rank cursor is refused).
  return codec as CursorCodec;
}
