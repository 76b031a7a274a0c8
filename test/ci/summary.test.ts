import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `.ci/run` ends with what `.ci/summary.mjs` prints from vitest's JSON report. The report here is
// a real one: vitest run on a small suite of its own with a pass, a failure, skips and a todo.
const REPO = path.resolve('.');
const SUMMARY = path.join(REPO, '.ci/summary.mjs');

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

describe('the CI summary line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-ci-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.sample.ts'] } };\n");
  writeFileSync(
    path.join(dir, 'suite.sample.ts'),
    [
      "import { describe, expect, it } from 'vitest';",
      "describe.skipIf(true)('on a server that is not there', () => { it('reads a row', () => {}); it('writes a row', () => {}); });",
      "it.skip('waits for a fixture', () => {});",
      "it.todo('handles leap seconds');",
      "it('adds', () => expect(1 + 1).toBe(2));",
      "it('subtracts', () => expect(2 - 1).toBe(2));",
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'broken.sample.ts'), "import './does-not-exist.ts';\n");

  function runSample(): { report: string; status: number } {
    const report = path.join(dir, 'report.json');
    const res = spawnSync(process.execPath, [path.join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile=${report}`], {
      cwd: dir,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { report, status: res.status ?? 1 };
  }

  it('ends with "N passed, N failed, N skipped", skips named above it, a file that did not load counted as a failure', { timeout: 150_000 }, () => {
    const { report, status } = runSample();
    expect(status).not.toBe(0);
    const out = execFileSync(process.execPath, [SUMMARY, report, String(status)], { cwd: dir, encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 2 failed, 4 skipped');
    expect(lines).toContain('  suite.sample.ts > on a server that is not there reads a row');
    expect(lines).toContain('  suite.sample.ts > handles leap seconds (todo)');
  });

  it('counts a run that wrote no report as a failure', () => {
    const out = execFileSync(process.execPath, [SUMMARY, path.join(dir, 'missing.json'), '1'], { encoding: 'utf8' });
    expect(out.trim()).toBe('0 passed, 1 failed, 0 skipped');
  });
});
