import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.js';

const join = (parts: ReturnType<typeof wordDiff>, keep: 'added' | 'removed') =>
  parts
    .filter((p) => p.op === 'same' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('finds words inserted in the middle', () => {
    expect(wordDiff('en trygg stad', 'en trygg och säker stad')).toEqual([
      { op: 'same', text: 'en trygg ' },
      { op: 'added', text: 'och säker ' },
      { op: 'same', text: 'stad' },
    ]);
  });

  it('shows a replaced word as removed, then added', () => {
    expect(wordDiff('offentlig miljö utomhus', 'offentlig miljö inomhus')).toEqual([
      { op: 'same', text: 'offentlig miljö ' },
      { op: 'removed', text: 'utomhus' },
      { op: 'added', text: 'inomhus' },
    ]);
  });

  it('gives one run for identical texts and one for texts with nothing in common', () => {
    expect(wordDiff('samma text', 'samma text')).toEqual([{ op: 'same', text: 'samma text' }]);
    expect(wordDiff('a b', 'c d')).toEqual([
      { op: 'removed', text: 'a b' },
      { op: 'added', text: 'c d' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(wordDiff('', 'ny text')).toEqual([{ op: 'added', text: 'ny text' }]);
    expect(wordDiff('gammal text', '')).toEqual([{ op: 'removed', text: 'gammal text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps the longest run of common words (LCS), not the first match', () => {
    // Greedy matching on the first 'b' would keep only 'b'; the LCS keeps 'a c d'.
    const parts = wordDiff('a c d b', 'b a c d');
    expect(parts.filter((p) => p.op === 'same').map((p) => p.text.trim())).toEqual(['a c d']);
  });

  it('gives back both texts exactly, whatever was changed', () => {
    const before = 'Stadsdelsnämnderna samordnar  och leder det lokala arbetet.\nFacknämnderna bidrar.';
    const after = 'Stadsdelsnämnderna leder och samordnar det lokala arbetet inom sitt område.\nFacknämnderna bidrar.';
    const parts = wordDiff(before, after);
    expect(join(parts, 'added')).toBe(after);
    expect(join(parts, 'removed').replace(/\s+/g, ' ')).toBe(before.replace(/\s+/g, ' '));
  });
});
