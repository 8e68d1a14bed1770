// Copy text. `navigator.clipboard` is refused inside some DevTools panel frames (no focus or no
// clipboard-write permission policy), so fall back to a selected textarea and execCommand.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    // execCommand is deprecated but is the only fallback that works in a DevTools panel.
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
