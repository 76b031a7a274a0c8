// Progress of a backfill on stderr: a bar redrawn in place on a terminal, one plain line per day
// otherwise (a log file or CI, where carriage returns would make a mess). stdout stays free for
// the command's result.

import type { BackfillProgress } from './backfill.ts';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  /** Pass as `onProgress` to runBackfill. */
  update(progress: BackfillProgress): void;
  /** Ends the bar's line (call once the run is over, interrupted or not). */
  done(): void;
}

/** `1h02m`, `4m05s`, `12s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Time left at the pace of the days this run has read (days done by earlier runs cost nothing). */
export function estimateRemainingMs(progress: BackfillProgress): number | null {
  if (progress.daysThisRun === 0) return null;
  return (progress.elapsedMs / progress.daysThisRun) * (progress.daysTotal - progress.daysDone);
}

export function formatProgressLine(p: BackfillProgress): string {
  const eta = estimateRemainingMs(p);
  const day = p.indexFound ? `${p.listed} listed, ${p.discovered} new` : 'no index (holiday?)';
  return `backfill ${p.date}: ${day} — ${p.daysDone}/${p.daysTotal} days, ${p.totalDiscovered} filings discovered${eta === null ? '' : `, ETA ${formatDuration(eta)}`}`;
}

export function formatProgressBar(p: BackfillProgress, width: number): string {
  const eta = estimateRemainingMs(p);
  const tail = ` ${p.daysDone}/${p.daysTotal} days · ${p.totalDiscovered} filings · ${p.date}${eta === null ? '' : ` · ETA ${formatDuration(eta)}`}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 3));
  const filled = p.daysTotal === 0 ? barWidth : Math.round((p.daysDone / p.daysTotal) * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`;
}

export function createProgressReporter(stream: ProgressStream = process.stderr): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  let drawn = false;
  return {
    update(p) {
      if (!tty) {
        stream.write(`${formatProgressLine(p)}\n`);
        return;
      }
      const width = stream.columns ?? 80;
      // \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${formatProgressBar(p, width).slice(0, width - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
