// Copy text from a click handler. Inside a DevTools panel frame `navigator.clipboard.writeText` may
// reject (no clipboard-write permission policy), or never settle while DevTools is not the focused
// window (seen in Chromium 156: test/e2e/panel-share.e2e.test.ts). A selected textarea and
// execCommand('copy') works there, synchronously, within the click's user activation: try it
// first, and the async API only when it fails.
const CLIPBOARD_API_TIMEOUT_MS = 2_000;

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the one way that works in every DevTools panel frame.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function copyText(text: string): Promise<boolean> {
  if (copyWithSelection(text)) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('clipboard did not answer')), CLIPBOARD_API_TIMEOUT_MS);
  });
  try {
    await Promise.race([navigator.clipboard.writeText(text), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
