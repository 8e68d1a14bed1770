// `_corsLens`: what our own export adds to each entry so that reading it back rebuilds
// exactly the exchanges that were recorded, without the heuristics needed for other HARs.

import type { RequestMode, StoredCopy } from '../model';

export type CorsLensRole = 'preflight' | 'request';

export interface CorsLensEntryTag {
  readonly exchangeId: string;
  readonly role: CorsLensRole;
  /** The hop of the actual request this entry is (role "request") or was made for ("preflight"). */
  readonly hop: number;
  /** Exchange-level facts a HAR has no field for; only on the first hop's entry. */
  readonly initiatorOrigin?: string | null;
  readonly startedAt?: number;
  readonly mode?: RequestMode;
  readonly error?: string;
  readonly tabId?: number;
  readonly frameId?: number;
  readonly documentUrl?: string;
  readonly browser?: 'chromium' | 'firefox';
  /** The recorder's cookie-jar evidence (see cookie-evidence.ts), which same-origin traffic it did not export carried. */
  readonly cookiesSeenForHost?: boolean;
  readonly initiatorAddressSpace?: 'public' | 'private' | 'local';
  /** Recorded under a *Try this fix* override: some response headers are CORS Lens's, not the server's. */
  readonly overridden?: boolean;
  /** On an entry the browser's cache answered: the copy it had stored, as the recorder saw it (cache/stored-responses.ts). */
  readonly cachedCopy?: StoredCopy;
}

const MODES: readonly string[] = ['cors', 'no-cors', 'navigate', 'same-origin', 'websocket'];

export function isRequestMode(value: unknown): value is RequestMode {
  return typeof value === 'string' && MODES.includes(value);
}

function optional<T>(value: unknown, ok: (v: unknown) => v is T): T | undefined {
  return ok(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isHeader = (v: unknown): boolean => typeof v === 'object' && v !== null && isString((v as Record<string, unknown>).name) && isString((v as Record<string, unknown>).value);
const isStoredCopy = (v: unknown): v is StoredCopy =>
  typeof v === 'object' && v !== null && isFiniteNumber((v as Record<string, unknown>).status) && Array.isArray((v as Record<string, unknown>).headers) && ((v as Record<string, unknown>).headers as unknown[]).every(isHeader);

/** Read a `_corsLens` value; anything malformed is ignored (the entry is then read like any HAR's). */
export function readCorsLensTag(value: unknown): CorsLensEntryTag | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.exchangeId !== 'string' || (v.role !== 'preflight' && v.role !== 'request')) return undefined;
  if (!Number.isSafeInteger(v.hop) || (v.hop as number) < 0) return undefined;
  const tag: CorsLensEntryTag = {
    exchangeId: v.exchangeId,
    role: v.role,
    hop: v.hop as number,
    initiatorOrigin: v.initiatorOrigin === null ? null : optional(v.initiatorOrigin, isString),
    startedAt: optional(v.startedAt, isFiniteNumber),
    mode: optional(v.mode, isRequestMode),
    error: optional(v.error, isString),
    tabId: optional(v.tabId, isFiniteNumber),
    frameId: optional(v.frameId, isFiniteNumber),
    documentUrl: optional(v.documentUrl, isString),
    browser: v.browser === 'chromium' || v.browser === 'firefox' ? v.browser : undefined,
    cookiesSeenForHost: v.cookiesSeenForHost === true ? true : undefined,
    overridden: v.overridden === true ? true : undefined,
    cachedCopy: optional(v.cachedCopy, isStoredCopy),
    initiatorAddressSpace: v.initiatorAddressSpace === 'public' || v.initiatorAddressSpace === 'private' || v.initiatorAddressSpace === 'local' ? v.initiatorAddressSpace : undefined,
  };
  // Drop absent keys so that tags compare equal to what was written.
  return Object.fromEntries(Object.entries(tag).filter(([, x]) => x !== undefined)) as unknown as CorsLensEntryTag;
}
