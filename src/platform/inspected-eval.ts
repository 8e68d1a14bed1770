// Runs an expression in the inspected page (`devtools.inspectedWindow.eval`), for Re-run: the
// request then comes from the page's own context (its origin, its cookies), as the original did.
import { inspectedTabId } from './devtools';

/** True when this panel is in DevTools on `tabId` (a standalone panel tab cannot eval in it). */
export function canEvalIn(tabId: number): boolean {
  return inspectedTabId() === tabId;
}

/**
 * The callback form on `chrome`, not the polyfill's `browser`: in Chromium 156 the polyfill hands
 * over the native `browser`, whose `devtools.inspectedWindow.eval` returns no promise (seen in
 * test/e2e/rerun: "(intermediate value) is not iterable"). Firefox takes the callback form on
 * `chrome` too.
 */
export function evalInInspectedPage(expression: string): Promise<void> {
  return new Promise((resolve, reject) => {
    chrome.devtools.inspectedWindow.eval(expression, {}, (_result: unknown, exception?: chrome.devtools.inspectedWindow.EvaluationExceptionInfo) => {
      if (exception?.isException || exception?.isError) reject(new Error(String(exception.value || exception.description || 'the page refused the expression')));
      else resolve();
    });
  });
}
