// The panel follows the DevTools theme when DevTools tells it, else the system's colour scheme.
// Either way it ends up as `data-theme` on the root, so panel.css defines each palette once.
export type Theme = 'dark' | 'light';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

export function applyTheme(root: HTMLElement, theme: Theme | null, systemPrefersDark = matchMedia(SYSTEM_DARK).matches): void {
  root.dataset['theme'] = theme ?? (systemPrefersDark ? 'dark' : 'light');
}

/** Apply `devtoolsTheme()` now and whenever it, or (when DevTools says nothing) the system scheme, changes. */
export function followTheme(root: HTMLElement, devtoolsTheme: () => Theme | null, onDevtoolsChange: (cb: (t: Theme | null) => void) => void): void {
  let current = devtoolsTheme();
  applyTheme(root, current);
  onDevtoolsChange((theme) => {
    current = theme;
    applyTheme(root, current);
  });
  matchMedia(SYSTEM_DARK).addEventListener('change', () => applyTheme(root, current));
}
