import type { TextPart } from '../../domain/programmes.js';

/** Words and the whitespace after each, so joining the tokens gives back the text exactly. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Comparing words, not the spaces after them: a changed line break is no changed word. */
const word = (token: string) => token.trimEnd();

/**
 * Word-level difference of two texts by longest common subsequence: runs of words kept, added (only in
 * `after`) and removed (only in `before`), in reading order, removals before additions at a change.
 * Joining the 'same' and 'added' runs gives `after` exactly; the 'same' and 'removed' runs give `before`
 * with the newer text's spacing between kept words.
 * Quadratic in the number of words, which a programme section (at most 4,000 characters) keeps small.
 * @example wordDiff('en trygg stad', 'en trygg och säker stad')
 * // [{ op: 'same', text: 'en trygg ' }, { op: 'added', text: 'och säker ' }, { op: 'same', text: 'stad' }]
 */
export function wordDiff(before: string, after: string): TextPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = word(a[i]!) === word(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);

  const parts: TextPart[] = [];
  const push = (op: TextPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && word(a[i]!) === word(b[j]!)) {
      // A kept word takes the newer text's spacing.
      push('same', b[j]!);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  return parts;
}
