// Fill the catalogue's placeholders (see test/scenarios/types.ts) for one run of the server.

export interface Origins {
  /** `http://localhost:<A>`: the runner page. */
  readonly page: string;
  /** `http://localhost:<B>`: the API, same site as the page, another origin. */
  readonly api: string;
  /** `http://127.0.0.1:<B>`: the same server under another site. */
  readonly site: string;
}

export function fillPlaceholders(value: string, origins: Origins, scenarioId: string, requestOrigin: string | undefined): string {
  return value
    .replaceAll('{page}', origins.page)
    .replaceAll('{PAGE}', origins.page.toUpperCase())
    .replaceAll('{api}', origins.api)
    .replaceAll('{apiHost}', new URL(origins.api).host)
    .replaceAll('{site}', origins.site)
    .replaceAll('{self}', `/api/${scenarioId}`)
    .replaceAll('{origin}', requestOrigin ?? '');
}
