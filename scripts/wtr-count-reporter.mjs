// A @web/test-runner reporter for scripts/test.mjs: prints one closing line of its own,
// `N passed, N failed` (", N skipped" when any), and, when DVC_WTR_FILE_REPORT names a file, writes
// there each test file's counts as JSON, so a browser test file that ran no test is noticed
// (scripts/test-accounting.mjs).
import { writeFileSync } from 'node:fs';

/**
 * Counts the tests of every session; a file that failed to load or threw outside a test, with no
 * failed test to show for it, counts as one failed test.
 *
 * @param {{ fileReport?: string }} [options] where to write the per-file counts (default: DVC_WTR_FILE_REPORT)
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter(options = {}) {
  const fileReport = options.fileReport ?? process.env.DVC_WTR_FILE_REPORT;
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const files = new Map();
      for (const session of sessions) {
        const counts = files.get(session.testFile) ?? { file: session.testFile, passed: 0, failed: 0, skipped: 0 };
        files.set(session.testFile, counts);
        const before = counts.failed;
        const walk = (suite) => {
          for (const test of suite.tests) {
            if (test.skipped) counts.skipped++;
            else if (test.passed) counts.passed++;
            else counts.failed++;
          }
          for (const child of suite.suites) walk(child);
        };
        if (session.testResults) walk(session.testResults);
        if (session.passed === false && counts.failed === before) counts.failed++;
      }
      for (const counts of files.values()) {
        totals.passed += counts.passed;
        totals.failed += counts.failed;
        totals.skipped += counts.skipped;
      }
      if (fileReport) writeFileSync(fileReport, JSON.stringify([...files.values()], null, 2));
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // A line of its own even after the progress bar's cursor codes.
      console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
    },
  };
}
