import type { Reporter, TestCase } from '@playwright/test/reporter';

/** Ends the run with a plain "N passed, N failed, N skipped" line that CI can read. */
export default class SummaryReporter implements Reporter {
  private tests = new Set<TestCase>();
  onTestEnd(test: TestCase) {
    this.tests.add(test);
  }
  onEnd() {
    const outcomes = [...this.tests].map((t) => t.outcome());
    const n = (...o: string[]) => outcomes.filter((x) => o.includes(x)).length;
    console.log(`\ne2e: ${n('expected', 'flaky')} passed, ${n('unexpected')} failed, ${n('skipped')} skipped`);
  }
  printsToStdio() {
    return false;
  }
}
