// Which tab the panel shows: `?tabId=N` (standalone tab view: tests, Firefox) wins over
// DevTools' inspected tab; `?standalone=1` alone means "let the user pick".
export function tabIdFrom(search: string, inspected: number | undefined): number | null {
  const params = new URLSearchParams(search);
  const raw = params.get('tabId');
  if (raw !== null && /^\d+$/.test(raw)) return Number(raw);
  if (params.has('standalone')) return null;
  return inspected ?? null;
}
