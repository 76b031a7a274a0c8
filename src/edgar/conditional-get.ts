import type { HttpCacheRepository } from '../../db/repositories/http-cache.ts';
import type { EdgarClient, EdgarResponse } from './client.ts';

export type ConditionalResult =
  | { changed: false }
  | {
      changed: true;
      response: EdgarResponse;
      /** Keeps the validators; call it once the body has been fully processed, so a crash midway re-reads it. */
      remember(): Promise<void>;
    };

/**
 * GET with the validators of the last fully processed answer: an unchanged resource costs a 304
 * and no work. Resources without validators (EDGAR's getcurrent feed sends none today) are simply
 * fetched.
 */
export async function getIfChanged(edgar: EdgarClient, cache: HttpCacheRepository, url: string, signal?: AbortSignal): Promise<ConditionalResult> {
  const known = await cache.get(url);
  const response = await edgar.get(url, { signal, etag: known?.etag, lastModified: known?.lastModified });
  if (response.status === 304) return { changed: false };
  const etag = response.headers.etag ?? null;
  const lastModified = response.headers['last-modified'] ?? null;
  return {
    changed: true,
    response,
    remember: async () => {
      if (etag || lastModified) await cache.remember(url, { etag, lastModified });
    },
  };
}
