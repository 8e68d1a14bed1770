// The panel follows the DevTools theme when DevTools tells it, else the system's colour scheme
// (panel.css does that fallback with prefers-color-scheme when no data-theme is set).
export type Theme = 'dark' | 'light';

export function applyTheme(root: HTMLElement, theme: Theme | null): void {
  if (theme) root.dataset['theme'] = theme;
  else delete root.dataset['theme'];
}
