/** Before any end-to-end test: stop at once, in one line, if there is no usable Chromium. */
import { browserProblem } from '../../scripts/check-browser.mjs';

export default function globalSetup() {
  const problem = browserProblem();
  if (problem) throw new Error(problem);
}
