// Small helpers so the catalogue reads like a table. Nothing here decides an outcome.

import type { Answer, HeaderLine, Step } from './types';

/** Answer with a status and header lines, in order. */
export function answer(status: number, ...headers: HeaderLine[]): Answer {
  return { status, headers };
}

/** 200 with the given header lines. */
export function ok(...headers: HeaderLine[]): Answer {
  return answer(200, ...headers);
}

/** A preflight answer: 204 by default (any 2xx passes, Fetch §4.8 step 7). */
export function preflightOk(...headers: HeaderLine[]): Answer {
  return answer(204, ...headers);
}

export const allowPage: HeaderLine = ['Access-Control-Allow-Origin', '{page}'];
export const allowAny: HeaderLine = ['Access-Control-Allow-Origin', '*'];
export const allowCredentials: HeaderLine = ['Access-Control-Allow-Credentials', 'true'];
export const varyOrigin: HeaderLine = ['Vary', 'Origin'];

/** A single `main` step. */
export function main(response: Answer, preflight?: Answer): Record<string, Step> {
  return { main: preflight ? { response, preflight } : { response } };
}

/** A redirect answer to `location` (placeholders allowed). */
export function redirect(status: number, location: string, ...headers: HeaderLine[]): Answer {
  return answer(status, ['Location', location], ...headers);
}
