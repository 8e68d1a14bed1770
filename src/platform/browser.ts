// The one import of webextension-polyfill (0.12.0 is its last release, the project is archived
// upstream; Chrome 148+ has a native `browser` namespace). Every other platform module goes through
// this one, so dropping the polyfill later is a one-line change.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, WebRequest } from 'webextension-polyfill';
