// runtime ports, wrapped in the small `PortLike` shape the background and the panel code against,
// so neither touches `browser.runtime.Port` and tests can drive them with real MessageChannels.
import { browser, type Runtime } from './browser';

export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

function wrap(port: Runtime.Port): PortLike {
  return {
    name: port.name,
    postMessage: (message) => {
      // Posting to a port whose other end has gone throws in Chromium; the disconnect listener cleans up.
      try {
        port.postMessage(message);
      } catch {
        /* already disconnected */
      }
    },
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
    disconnect: () => port.disconnect(),
  };
}

/** Background side: every port a panel opens. */
export function onPortConnect(listener: (port: PortLike) => void): void {
  browser.runtime.onConnect.addListener((port) => listener(wrap(port)));
}

/** Panel side: opens a port to the background (`cors-lens:<tabId>`). */
export function connectPort(name: string): PortLike {
  return wrap(browser.runtime.connect({ name }));
}
