// Shared helpers for the replay tests: where the real corpora live, and a started server.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const FIXTURE_CORPUS = path.join(FIXTURES, 'corpus');
export const REPLAY_CORPUS = path.join(FIXTURES, 'replay');

/** The shared corpus (not committable files): $CYBER8K_SHARED_CORPUS or <repo>/../shared/corpus. */
export const SHARED_CORPUS = process.env.CYBER8K_SHARED_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** Path of a shared-corpus file, or undefined after a visible warning when it is absent. */
export function sharedFile(relative: string): string | undefined {
  const file = path.join(SHARED_CORPUS, relative);
  if (existsSync(file)) return file;
  console.warn(`[skip] ${file} is missing: set CYBER8K_SHARED_CORPUS to the shared corpus to run the tests that read it`);
  return undefined;
}

export const DECLARED_UA = 'cyber8k tests admin@example.com';
