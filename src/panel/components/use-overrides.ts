// The overrides active in the panel's tab, re-read whenever the override store changes.
import { useEffect, useState } from 'preact/hooks';
import type { ActiveOverride } from '../../core/override/override-command';
import type { OverrideController } from '../override-store';

export function useOverrides(controller: OverrideController | undefined): readonly ActiveOverride[] {
  const [list, setList] = useState(() => controller?.list() ?? []);
  useEffect(() => {
    if (!controller) return undefined;
    const read = (): void => setList(controller.list());
    read();
    return controller.subscribe(read);
  }, [controller]);
  return list;
}
