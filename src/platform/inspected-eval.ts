// Runs an expression in the inspected page (`devtools.inspectedWindow.eval`), for Re-run: the
// request then comes from the page's own context (its origin, its cookies), as the original did.
import { browser } from './browser';
import { inspectedTabId } from './devtools';

/** True when this panel is in DevTools on `tabId` (a standalone panel tab cannot eval in it). */
export function canEvalIn(tabId: number): boolean {
  return inspectedTabId() === tabId;
}

export async function evalInInspectedPage(expression: string): Promise<void> {
  const [, exception] = await browser.devtools.inspectedWindow.eval(expression);
  // The polyfill resolves with [result, exceptionInfo]; exceptionInfo is undefined on success.
  if (exception?.isException || exception?.isError) throw new Error(String(exception.value ?? exception.description ?? 'the page refused the expression'));
}
