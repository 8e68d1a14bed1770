// The background's end of the panel protocol (src/core/protocol.ts): one port per inspected tab,
// named `cors-lens:<tabId>`. A port receives nothing until its `hello`, which is answered with a
// full snapshot; after that it gets every change. One handler per message type dispatches them.

import type { PortLike } from '../platform/ports';
import { isProbeCommand } from '../core/audit/probe-command';
import { isOverrideCommand } from '../core/override/override-command';
import { backgroundMessage, isProtocolMessage, PORT_PREFIX, type BackgroundMessage, type BackgroundUpdate, type PanelToBackground } from '../core/protocol';

type Handler<K extends keyof PanelToBackground> = (payload: PanelToBackground[K], tabId: number, port: PortLike) => void;

export type PanelHandlers = { readonly [K in keyof PanelToBackground]: Handler<K> };

type PanelPayload = Record<string, unknown>;

/**
 * Payload checks: the port carries whatever the other end posted, so nothing is trusted unchecked.
 * Each is a type guard for its own message type, so a payload that passes is that type's payload.
 */
const VALID: { readonly [K in keyof PanelToBackground]: (payload: PanelPayload) => payload is PanelToBackground[K] } = {
  hello: (p): p is PanelToBackground['hello'] => typeof p['tabId'] === 'number' && typeof p['protocolVersion'] === 'number',
  inspect: (p): p is PanelToBackground['inspect'] => typeof p['tabId'] === 'number',
  setRecordAllTabs: (p): p is PanelToBackground['setRecordAllTabs'] => typeof p['tabId'] === 'number' && typeof p['recordAllTabs'] === 'boolean',
  clear: (p): p is PanelToBackground['clear'] => typeof p['tabId'] === 'number',
  setPreserveLog: (p): p is PanelToBackground['setPreserveLog'] => typeof p['tabId'] === 'number' && typeof p['preserveLog'] === 'boolean',
  hostAccessChanged: (p): p is PanelToBackground['hostAccessChanged'] => typeof p['tabId'] === 'number',
  probe: isProbeCommand,
  override: isOverrideCommand,
};

function isPanelMessageType(type: string): type is keyof PanelToBackground {
  return Object.hasOwn(VALID, type);
}

/** `cors-lens:12` → 12; anything else is not our port. */
export function tabIdOfPort(name: string): number | undefined {
  if (!name.startsWith(PORT_PREFIX)) return undefined;
  const id = Number(name.slice(PORT_PREFIX.length));
  return Number.isInteger(id) ? id : undefined;
}

/** How long changes for a port gather before they go out as one `updates` message. */
const BATCH_MS = 100;

export interface PortHubOptions {
  /** A port of ours went away (its DevTools window or panel closed). */
  readonly onClose?: (port: PortLike) => void;
  readonly batchMs?: number;
}

export class PortHub {
  private readonly subscribers = new Map<number, Set<PortLike>>();
  /** Per port, not per tab: a port subscribed after its snapshot must not get changes from before it. */
  private readonly outbox = new Map<PortLike, BackgroundUpdate[]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly handlers: PanelHandlers,
    private readonly options: PortHubOptions = {},
  ) {}

  accept(port: PortLike): void {
    const tabId = tabIdOfPort(port.name);
    if (tabId === undefined) return;
    port.onMessage((raw) => this.dispatch(raw, tabId, port));
    port.onDisconnect(() => {
      this.subscribers.get(tabId)?.delete(port);
      this.outbox.delete(port);
      this.options.onClose?.(port);
    });
  }

  /** Starts streaming changes of `tabId` to `port`; call right after posting its snapshot. */
  subscribe(tabId: number, port: PortLike): void {
    let ports = this.subscribers.get(tabId);
    if (!ports) this.subscribers.set(tabId, (ports = new Set()));
    ports.add(port);
  }

  /** Queues `update` for every port subscribed to `tabId`; they go out together within `batchMs`. */
  send(tabId: number, update: BackgroundUpdate): void {
    const ports = this.subscribers.get(tabId);
    if (!ports || ports.size === 0) return;
    for (const port of ports) {
      let queue = this.outbox.get(port);
      if (!queue) this.outbox.set(port, (queue = []));
      queue.push(update);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.batchMs ?? BATCH_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    for (const [port, messages] of this.outbox) {
      const posted: BackgroundMessage = messages.length === 1 && messages[0] ? messages[0] : backgroundMessage('updates', { messages });
      port.postMessage(posted);
    }
    this.outbox.clear();
  }

  get portCount(): number {
    let n = 0;
    for (const ports of this.subscribers.values()) n += ports.size;
    return n;
  }

  private dispatch(raw: unknown, tabId: number, port: PortLike): void {
    if (!isProtocolMessage(raw) || !isPanelMessageType(raw.type)) return;
    deliver(this.handlers, raw.type, raw.payload as PanelPayload, tabId, port);
  }
}

/**
 * Generic over the message type, so `VALID[type]` and `handlers[type]` are known to belong to the
 * same type: the check that passes is the one that proves the payload fit for that handler.
 */
function deliver<K extends keyof PanelToBackground>(handlers: PanelHandlers, type: K, payload: PanelPayload, tabId: number, port: PortLike): void {
  const valid = VALID[type];
  // The port's name decides the tab; a payload naming another tab is ignored, not obeyed.
  if (!valid(payload) || payload['tabId'] !== tabId) return;
  const handler: Handler<K> = handlers[type];
  handler(payload, tabId, port);
}
