// Reading real EDGAR documents in tests: committed fixtures from test/fixtures/corpus, and files
// that may not be committed from ../shared/corpus at run time (skipped visibly when absent).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
export const FIXTURE_CORPUS = join(REPO, 'test/fixtures/corpus');
export const SHARED_CORPUS = process.env.CYBER8K_SHARED_CORPUS ?? resolve(REPO, '../shared/corpus');

/** A committed fixture, by its corpus path (`raw/item105/…`). */
export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURE_CORPUS, path));
}

/** A corpus file that may not be committed; null (with a warning naming it) when unavailable. */
export function shared(path: string): Buffer | null {
  for (const base of [FIXTURE_CORPUS, SHARED_CORPUS]) {
    const p = join(base, path);
    if (existsSync(p)) return readFileSync(p);
  }
  console.warn(`skipped: ${path} is not available (looked in ${FIXTURE_CORPUS} and ${SHARED_CORPUS})`);
  return null;
}

export const hasShared = (path: string): boolean =>
  existsSync(join(FIXTURE_CORPUS, path)) || existsSync(join(SHARED_CORPUS, path));
