import type { FilingRepository } from '../../db/repositories/filings.ts';
import type { PollStateRepository } from '../../db/repositories/poll-state.ts';
import type { HttpCacheRepository } from '../../db/repositories/http-cache.ts';
import { getIfChanged } from '../edgar/conditional-get.ts';
import type { EdgarClient } from '../edgar/client.ts';
import { parseCurrentFeed, type FeedFiling } from '../edgar/feed.ts';
import { currentFeedUrl } from '../edgar/urls.ts';
import type { Logger } from '../logger.ts';
import { errorMessage } from '../errors.ts';
import { PRIORITY } from '../jobs/catalogue.ts';
import { recordDiscovery } from './discover.ts';

export interface FeedCursor {
  /** Acceptance time (UTC ISO) of the newest filing seen. */
  newestAcceptedAt: string;
  newestAccession: string;
}

export interface FeedPollResult {
  pages: number;
  entries: number;
  discovered: number;
  /** True when the page limit ran out before reaching a filing seen before: some may have been missed. */
  gap: boolean;
}

export interface FeedPollerOptions {
  edgar: EdgarClient;
  filings: FilingRepository;
  pollState: PollStateRepository;
  log: Logger;
  /** Feed `type=` parameter: `8-K`, `10-Q` or `10-K`. The form and its amendment (`/A`) are kept. */
  feedType: string;
  maxPages: number;
  pageSize?: number;
  /** Validators of the first page, for a conditional GET (used when EDGAR sends them). */
  httpCache?: HttpCacheRepository;
}

export const feedSource = (feedType: string) => `getcurrent:${feedType}`;

// EDGAR lists filings by dissemination, which can trail acceptance a little: an entry is only
// taken as "behind the cursor" when it is clearly older.
const CURSOR_SLACK_MS = 10 * 60_000;

/**
 * Reads the getcurrent Atom feed newest first and pages back until it reaches what it has already
 * seen, storing every new filing of the wanted forms once (the accession number is unique).
 */
export function createFeedPoller(options: FeedPollerOptions) {
  const { feedType } = options;
  // `type=` is a prefix match: type=8-K also returns 8-K12B and friends, which are dropped here.
  const forms = new Set([feedType, `${feedType}/A`]);
  const source = feedSource(feedType);
  const pageSize = options.pageSize ?? 100;
  const { edgar, filings, pollState, log } = options;

  /** A page of the feed; for the first page, null when it has not changed since the last poll. */
  async function readPage(start: number, signal?: AbortSignal): Promise<{ entries: FeedFiling[]; remember?: () => Promise<void> } | null> {
    const url = currentFeedUrl(edgar.baseUrls.www, { type: feedType, start, count: pageSize });
    let body: Buffer;
    let remember: (() => Promise<void>) | undefined;
    if (start === 0 && options.httpCache) {
      const result = await getIfChanged(edgar, options.httpCache, url, signal);
      if (!result.changed) return null;
      body = result.response.body;
      remember = result.remember;
    } else {
      body = (await edgar.get(url, { signal })).body;
    }
    const { filings: entries, problems } = parseCurrentFeed(body.toString('latin1'));
    for (const problem of problems) log.warn({ url }, `skipped a feed entry: ${problem}`);
    return { entries, remember };
  }

  async function pollOnce(signal?: AbortSignal): Promise<FeedPollResult> {
    const state = await pollState.get(source);
    const cursor = (state?.cursor ?? null) as FeedCursor | null;
    // Unknown filings in feed order (newest first), once each.
    const fresh = new Map<string, FeedFiling>();
    let pages = 0;
    let entries = 0;
    let reachedSeen = false;
    let endOfFeed = false;
    let rememberFirstPage: (() => Promise<void>) | undefined;
    try {
      while (pages < options.maxPages && !reachedSeen && !endOfFeed) {
        const read = await readPage(pages * pageSize, signal);
        pages += 1;
        if (read === null) {
          // 304: nothing new since the last fully processed poll.
          await pollState.recordSuccess(source, null);
          return { pages, entries: 0, discovered: 0, gap: false };
        }
        const page = read.entries;
        if (pages === 1) rememberFirstPage = read.remember;
        entries += page.length;
        endOfFeed = page.length === 0;
        const wanted = page.filter((f) => forms.has(f.form));
        const known = await filings.knownAccessions(wanted.map((f) => f.accessionNumber));
        for (const filing of wanted) {
          if (known.has(filing.accessionNumber)) reachedSeen = true;
          else if (!fresh.has(filing.accessionNumber)) fresh.set(filing.accessionNumber, filing);
        }
        // Other forms never become "known"; the cursor's time tells when the page is behind us.
        const oldest = page[page.length - 1];
        if (cursor && oldest && Date.parse(oldest.acceptedAt) < Date.parse(cursor.newestAcceptedAt) - CURSOR_SLACK_MS) reachedSeen = true;
      }
    } catch (err) {
      if (!signal?.aborted) await pollState.recordError(source, errorMessage(err));
      throw err;
    }

    // Oldest first, so the stored order follows EDGAR's.
    let discovered = 0;
    for (const filing of [...fresh.values()].reverse()) {
      const { accessionNumber, cik, companyName, form, items, filedAt, acceptedAt, indexUrl } = filing;
      const isNew = await recordDiscovery(
        filings,
        edgar.baseUrls.www,
        { accessionNumber, cik, companyName, form, items, filedAt, acceptedAt, indexUrl },
        PRIORITY.live,
      );
      if (isNew) {
        discovered += 1;
        log.info({ accession: filing.accessionNumber, form: filing.form, items: filing.items }, `discovered ${filing.form} of ${filing.companyName}`);
      }
    }

    const newest = fresh.values().next().value;
    const nextCursor: FeedCursor | null =
      newest && (!cursor || newest.acceptedAt >= cursor.newestAcceptedAt)
        ? { newestAcceptedAt: newest.acceptedAt, newestAccession: newest.accessionNumber }
        : null;
    await pollState.recordSuccess(source, nextCursor as Record<string, unknown> | null);
    await rememberFirstPage?.();

    const gap = Boolean(cursor) && !reachedSeen && !endOfFeed;
    if (gap) {
      log.warn(`read ${pages} feed pages without reaching the last filing seen; older filings may have been missed (raise POLL_MAX_PAGES)`);
    }
    return { pages, entries, discovered, gap };
  }

  return { pollOnce, source };
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
