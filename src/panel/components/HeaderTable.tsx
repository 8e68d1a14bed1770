// One request or response as a header table. Names and values are hostile input: text nodes only.
import type { HeaderList } from '../../core/model';

export interface HeaderTableProps {
  readonly title: string;
  /** `PUT https://…` or `204 No Content`. */
  readonly line: string;
  readonly headers: HeaderList;
  /** Lower-cased header name to highlight ('' for none). */
  readonly highlight: string;
  /** Show the highlighted header as missing when it is not there (e.g. no Access-Control-Allow-Origin). */
  readonly showMissing?: boolean;
}

export function HeaderTable({ title, line, headers, highlight, showMissing = false }: HeaderTableProps) {
  const present = highlight !== '' && headers.some((h) => h.name.toLowerCase() === highlight);
  return (
    <div class="header-table">
      <h4>{title}</h4>
      <div class="first-line">{line}</div>
      <table>
        <tbody>
          {headers.map((h, i) => (
            <tr key={i} class={highlight !== '' && h.name.toLowerCase() === highlight ? 'offending' : undefined}>
              <th scope="row">{h.name}</th>
              <td>{h.value}</td>
            </tr>
          ))}
          {showMissing && highlight !== '' && !present && (
            <tr class="offending missing">
              <th scope="row">{highlight}</th>
              <td>(missing)</td>
            </tr>
          )}
          {headers.length === 0 && !showMissing && (
            <tr>
              <td colSpan={2} class="muted">
                (no headers recorded)
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
