// When each filing becomes public on the replay server. A corpus may carry `timeline.json`
// (`{ "entries": [ { "accession": "…", "at": <seconds after start> } ] }`); filings it does not list
// are public from the start. `speed` divides the offsets (speed 10 plays a 5-minute timeline in 30
// seconds). Until its release a filing is invisible everywhere: feed, Archives, submissions.
//
// Release is decided against the injected clock on every question, so tests that move the clock
// see exact, deterministic releases.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TimelineEntry {
  accession: string;
  /** Seconds after the server starts. */
  at: number;
}

export interface TimelineFile {
  entries: TimelineEntry[];
}

export function readTimelineFile(corpusDir: string): TimelineEntry[] {
  const file = path.join(corpusDir, 'timeline.json');
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TimelineFile>;
  if (!Array.isArray(parsed.entries)) throw new Error(`${file}: expected { "entries": [ { "accession", "at" } ] }`);
  for (const e of parsed.entries) {
    if (typeof e.accession !== 'string' || typeof e.at !== 'number' || !(e.at >= 0)) {
      throw new Error(`${file}: bad entry ${JSON.stringify(e)}`);
    }
  }
  return parsed.entries;
}

export interface Timeline {
  readonly startedAt: number;
  /** The instant (epoch ms) the filing is or was released. */
  releaseTime(accession: string): number;
  isReleased(accession: string, now: number): boolean;
  /** Releases one filing now (no-op if already public). */
  release(accession: string, now: number): void;
  releaseAll(now: number): void;
  /** Accessions released since the previous call, in release order (for a release log). */
  takeNewlyReleased(now: number): string[];
  /** Sort comparator: the later release first (manual releases after scheduled ones at the same instant). */
  newerReleaseFirst(a: string, b: string): number;
}

export function createTimeline(opts: { accessions: readonly string[]; entries: readonly TimelineEntry[]; startedAt: number; speed: number }): Timeline {
  if (!(opts.speed > 0) || !Number.isFinite(opts.speed)) throw new Error(`speed must be a positive number, got ${opts.speed}`);
  const known = new Set(opts.accessions);
  const releaseAt = new Map<string, number>();
  for (const acc of opts.accessions) releaseAt.set(acc, opts.startedAt);
  for (const e of opts.entries) {
    if (known.has(e.accession)) releaseAt.set(e.accession, opts.startedAt + (e.at * 1000) / opts.speed);
  }
  const announced = new Set<string>();
  // Manual releases are numbered so that, even under a frozen test clock, a filing released by
  // release()/releaseAll() sorts above those public before it; one releaseAll() is one batch.
  const batch = new Map<string, number>();
  let batches = 0;

  const releaseTime = (accession: string): number => {
    const t = releaseAt.get(accession);
    if (t === undefined) throw new Error(`unknown accession ${accession}`);
    return t;
  };

  return {
    startedAt: opts.startedAt,
    releaseTime,
    isReleased: (accession, now) => {
      const t = releaseAt.get(accession);
      return t !== undefined && t <= now;
    },
    release(accession, now) {
      if (releaseTime(accession) <= now) return;
      releaseAt.set(accession, now);
      batch.set(accession, ++batches);
    },
    releaseAll(now) {
      const n = ++batches;
      for (const [acc, t] of releaseAt) {
        if (t <= now) continue;
        releaseAt.set(acc, now);
        batch.set(acc, n);
      }
    },
    newerReleaseFirst(a, b) {
      return releaseTime(b) - releaseTime(a) || (batch.get(b) ?? 0) - (batch.get(a) ?? 0);
    },
    takeNewlyReleased(now) {
      const fresh = [...releaseAt].filter(([acc, t]) => t <= now && !announced.has(acc)).sort((a, b) => a[1] - b[1]);
      for (const [acc] of fresh) announced.add(acc);
      return fresh.map(([acc]) => acc);
    },
  };
}

/** Timeline entries that name no loaded filing (worth a warning: a typo hides nothing, releases nothing). */
export function unknownTimelineEntries(entries: readonly TimelineEntry[], accessions: readonly string[]): TimelineEntry[] {
  const known = new Set(accessions);
  return entries.filter((e) => !known.has(e.accession));
}
