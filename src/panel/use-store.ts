// Components read the store through this hook and re-render when it changes.
import { useEffect, useState } from 'preact/hooks';
import type { PanelState } from './state/panel-state';
import type { Store } from './state/store';

export function useStoreState(store: Store): PanelState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(() => setState(store.getState()));
  }, [store]);
  return state;
}
