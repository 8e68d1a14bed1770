// Typed constructor for the messages the panel sends (protocol.ts `message` needs its map spelled out).
import type { PanelMessage, PanelToBackground } from '../core/protocol';
import { message } from '../core/protocol';

export function panelMessage<K extends keyof PanelToBackground>(type: K, payload: PanelToBackground[K]): PanelMessage {
  return message<PanelToBackground, K>(type, payload) as PanelMessage;
}
