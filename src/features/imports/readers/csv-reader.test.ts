import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../../tests/factories/imports.factory.js';
import { probeFile, sniffFile } from '../file-probe.js';
import { openCsv, sniffDelimiter } from './csv-reader.js';

describe('sniffDelimiter', () => {
  it.each([
    ['datum;kategori;lat\n2026-11-25;klotter;59,33\n2026-11-26;brand;59,34\n', ';'],
    ['datum,kategori,lat\n2026-11-25,klotter,59.33\n', ','],
    ['datum\tkategori\tlat\n2026-11-25\tklotter\t59,33\n', '\t'],
    ['datum|kategori|beskrivning\n2026-11-25|klotter|"a, b; c"\n', '|'],
  ])('finds the delimiter of %j', (sample, delimiter) => expect(sniffDelimiter(sample)).toBe(delimiter));
});

describe('openCsv', () => {
  const files = importFiles();
  afterAll(() => files.cleanup());

  it('drops a UTF-8 byte order mark and keeps quoted delimiters and line breaks inside fields', async () => {
    const path = files.write('bom.csv', '\uFEFFid,beskrivning\n1,"rad ett, rad två\nrad tre"\n');
    const probe = sniffFile(await probeFile(path));
    expect(probe.encoding).toBe('utf-8');
    const source = await openCsv(path, probe);
    expect(source.columns).toEqual(['id', 'beskrivning']);
    const rows = [];
    for await (const r of source.records) rows.push(r);
    expect(rows).toEqual([{ kind: 'tabular', row: 2, cells: ['1', 'rad ett, rad två\nrad tre'] }]);
  });

  it('reads windows-1252 text (å ä ö, €) when the bytes are not UTF-8', async () => {
    const path = files.write(
      'ansi.csv',
      Buffer.from([...Buffer.from('plats;belopp\n'), 0x53, 0xe5, 0x67, 0x76, 0xe4, 0x72, 0x6e, 0x3b, 0x80, 0x0a]),
    );
    const probe = sniffFile(await probeFile(path));
    expect(probe.encoding).toBe('windows-1252');
    const source = await openCsv(path, probe);
    for await (const r of source.records) expect(r.kind === 'tabular' && r.cells).toEqual(['Sågvärn', '€']);
  });
});
