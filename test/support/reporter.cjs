// Mocha reporter: mocha's own "spec" output for people, plus the real counts
// written as JSON for .ci/run, which prints the closing `N passed, N failed`
// line from them (CI does not read mocha's summary).
// The file is named by the ATELIER_TEST_RESULTS environment variable; without
// it the reporter behaves exactly like "spec".
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class AtelierReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.ATELIER_TEST_RESULTS;
    if (!file) return;
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }) + '\n');
    });
  }
}

module.exports = AtelierReporter;
