/** Text encodings the importer decodes; spreadsheets saved by Swedish Windows Excel are windows-1252. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the rest is Latin-1.
 * Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters, so the
 * importer maps them itself.
 */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** A streaming decoder for the encodings the importer reads (UTF-8 drops its byte order mark). */
export function textDecoder(encoding: TextEncoding): {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
} {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding);
  return {
    decode(bytes) {
      if (!bytes) return '';
      const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      return latin1.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
    },
  };
}
