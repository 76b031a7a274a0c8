// The last lines of `.ci/run`: the tests vitest skipped, by name, then one plain
// "N passed, N failed, N skipped" line. Reads vitest's JSON report (argv[2]) and the exit status of
// the run (argv[3]).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [reportPath, statusArg] = process.argv.slice(2);
let report = {};
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  // No report: vitest did not get as far as writing one, which the counts below show as a failure.
}
const files = report.testResults ?? [];
const passed = report.numPassedTests ?? 0;
// A test file that failed without a failing test (it did not load, a hook threw) counts once.
const brokenFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
let failed = (report.numFailedTests ?? 0) + brokenFiles + (report.testResults ? 0 : 1);
// A failure outside any test (a global teardown check) still fails the run: count it.
if (Number(statusArg) !== 0 && failed === 0) failed = 1;

const skipped = [];
for (const file of files) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
      skipped.push(`  ${path.relative(process.cwd(), file.name)} > ${test.fullName}${test.status === 'todo' ? ' (todo)' : ''}`);
    }
  }
}
if (skipped.length > 0) console.log(`skipped:\n${skipped.join('\n')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
