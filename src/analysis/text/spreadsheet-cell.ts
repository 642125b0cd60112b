/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before them) as a formula; a
 * leading apostrophe makes it plain text again. Applied to every exported cell, not at storage: what was
 * reported is kept verbatim.
 * @example defuseCell('=HYPERLINK("http://x","y")') // '\'=HYPERLINK("http://x","y")'
 */
export function defuseCell(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
