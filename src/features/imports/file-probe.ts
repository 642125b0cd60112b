import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppError } from '../../domain/errors.js';
import type { ImportFormat } from '../../domain/imports.js';
import { type TextEncoding, textDecoder } from './encoding.js';

/** What one pass over the file learned: its fingerprint, whether it is valid UTF-8, and its first bytes. */
export interface RawProbe {
  size: number;
  sha256: string;
  utf8: boolean;
  /** The first bytes, for format and delimiter sniffing. */
  head: Buffer;
}

/** A file whose content was recognised as something the importer reads. */
export interface FileProbe extends RawProbe {
  /** Null for binary formats (xlsx). */
  encoding: TextEncoding | null;
  /** The sniffed format; JSON is told apart (GeoJSON or police events) when it is parsed. */
  kind: 'xlsx' | 'json' | 'csv';
}

const HEAD_BYTES = 64 * 1024;

/** Bytes that end a chunk in the middle of a UTF-8 sequence, carried over to the next chunk. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return back < need ? back : 0;
  }
  return 0;
}

/**
 * Reads the file once: SHA-256 (the run's audit fingerprint), size, whether it is all valid UTF-8 (else it
 * is windows-1252) and the first 64 KB.
 */
export async function probeFile(path: string): Promise<RawProbe> {
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  for await (const data of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = data as Buffer;
    hash.update(chunk);
    size += chunk.length;
    if (headLength < HEAD_BYTES) {
      headParts.push(chunk.subarray(0, HEAD_BYTES - headLength));
      headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
    }
    if (utf8) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = joined.length - incompleteTail(joined);
      utf8 = isUtf8(joined.subarray(0, cut));
      carry = Buffer.from(joined.subarray(cut));
    }
  }
  if (carry.length) utf8 = false;
  return { size, sha256: hash.digest('hex'), utf8, head: Buffer.concat(headParts) };
}

/**
 * Recognises the format from the content, never the name: a zip is a workbook, '{' or '[' is JSON, other
 * text is CSV. Refuses empty files and binary ones (control characters in the text) before any row is read.
 */
export function sniffFile(probe: RawProbe): FileProbe {
  const { head, utf8 } = probe;
  if (head.length === 0) throw new AppError('EMPTY_FILE');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return { ...probe, encoding: null, kind: 'xlsx' };
  const encoding: TextEncoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : utf8 ? 'utf-8' : 'windows-1252';
  const text = textDecoder(encoding).decode(head);
  if (text.trim() === '') throw new AppError('EMPTY_FILE');
  if (looksBinary(text)) {
    throw new AppError('UNREADABLE_FILE', {
      details: {
        reason: 'binary',
        message: 'the file holds control characters: it is not text, a spreadsheet or JSON',
      },
    });
  }
  const first = text.trimStart()[0];
  return { ...probe, encoding, kind: first === '{' || first === '[' ? 'json' : 'csv' };
}

/** NUL bytes, or more than 1 % control characters other than tab and line breaks: not a text file. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) control++;
  }
  return control > text.length / 100;
}

/** The format a probe implies, given an explicit choice (flag or profile) that must agree with the content. */
export function resolveFormat(probe: FileProbe, requested: ImportFormat | 'auto' | undefined): ImportFormat | 'json' {
  const sniffed = probe.kind;
  if (!requested || requested === 'auto') return sniffed;
  const compatible =
    requested === 'xlsx' ? sniffed === 'xlsx' : requested === 'csv' ? sniffed === 'csv' : sniffed === 'json';
  if (!compatible) {
    throw new AppError('UNREADABLE_FILE', {
      details: {
        reason: 'format_mismatch',
        message: `the file was to be ${requested}, but its content is ${sniffed === 'json' ? 'JSON' : sniffed}`,
      },
    });
  }
  return requested;
}
