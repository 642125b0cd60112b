/**
 * A table with its caption as the region's name, scrolling on its own at phone width; the first cell of a row
 * is its header. Columns marked numeric are right-aligned.
 */
export function DataTable({
  id,
  caption,
  head,
  rows,
  numeric = [],
}: {
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
  numeric?: boolean[];
}) {
  const align = (col: number) => (numeric[col] ? 'numeric' : undefined);
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            {head.map((h, col) => (
              <th key={h} scope="col" className={align(col)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r[0]}</th>
              {r.slice(1).map((c, j) => (
                <td key={j} className={align(j + 1)}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
