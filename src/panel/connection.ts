// The panel's one port to the background, `cors-lens:<tabId>`. Chrome stops the
// service worker after ~30 s idle, which disconnects the port: we reconnect with backoff and say
// `hello` again; the background answers with a full snapshot and the reducer resynchronises.
import type { BackgroundMessage, PanelMessage } from '../core/protocol';
import { PORT_PREFIX, PROTOCOL_VERSION, isBackgroundMessageType, isProtocolMessage, panelMessage, unpackUpdates, type BackgroundUpdate } from '../core/protocol';
import type { PortLike } from '../platform/ports';
import type { ConnectionStatus } from './state/panel-state';

export interface ConnectionOptions {
  readonly tabId: number;
  readonly connect: (name: string) => PortLike;
  /** Each change, in order (a batched `updates` message arrives here unpacked). */
  readonly onMessage: (msg: BackgroundUpdate) => void;
  readonly onStatus: (status: ConnectionStatus) => void;
  /** The first message on every port, again after each reconnect (default: the panel's `hello`). */
  readonly greeting?: PanelMessage;
  /** Runs `fn` after `ms`; returns a cancel function. Injected so tests control time. */
  readonly delay?: (ms: number, fn: () => void) => () => void;
}

export interface Connection {
  send(msg: PanelMessage): void;
  close(): void;
}

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 5000;

export function backoffMs(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  return isProtocolMessage(value) && isBackgroundMessageType(value.type);
}

const defaultDelay = (ms: number, fn: () => void): (() => void) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export function openConnection(options: ConnectionOptions): Connection {
  const { tabId, connect, onMessage, onStatus, delay = defaultDelay } = options;
  const greeting = options.greeting ?? panelMessage('hello', { tabId, protocolVersion: PROTOCOL_VERSION });
  let port: PortLike | null = null;
  let attempt = 0;
  let closed = false;
  let cancelRetry: (() => void) | null = null;

  const retry = (): void => {
    port = null;
    if (closed) return;
    onStatus('reconnecting');
    cancelRetry = delay(backoffMs(attempt++), open);
  };

  function open(): void {
    cancelRetry = null;
    if (closed) return;
    try {
      const p = connect(`${PORT_PREFIX}${tabId}`);
      p.onMessage((value) => {
        if (!isBackgroundMessage(value)) return;
        attempt = 0;
        for (const update of unpackUpdates(value)) onMessage(update);
      });
      p.onDisconnect(() => {
        if (port === p) retry();
      });
      port = p;
      p.postMessage(greeting);
      // A port that stays up is a working connection even if nothing comes back on it: the
      // background never answers the devtools page's `inspect`, so without this each worker
      // restart would find that page's reconnect one backoff step slower.
      delay(MAX_DELAY_MS, () => {
        if (port === p) attempt = 0;
      });
    } catch {
      // runtime.connect throws while the extension is being reloaded ("Extension context invalidated").
      retry();
    }
  }

  open();
  return {
    send: (msg) => port?.postMessage(msg),
    close: () => {
      closed = true;
      cancelRetry?.();
      const p = port;
      port = null;
      p?.disconnect();
    },
  };
}
