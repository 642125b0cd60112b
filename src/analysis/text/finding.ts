/** A stretch of text a recogniser found, `[start, end)` in UTF-16 code units. */
export interface Finding<K extends string = string> {
  start: number;
  end: number;
  kind: K;
}

/** Replaces each finding (sorted, not overlapping) by `replace(kind)`. */
export function replaceFindings<K extends string>(
  text: string,
  findings: readonly Finding<K>[],
  replace: (kind: K) => string,
): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + replace(f.kind);
    at = f.end;
  }
  return out + text.slice(at);
}
