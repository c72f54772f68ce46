import { describe, expect, test } from 'vitest';
import { CsvError, parseCsv } from './csv';

describe('CSV as feeders send it', () => {
  test('plain rows: cells trimmed, CRLF, a byte-order mark and empty lines ignored', () => {
    expect(parseCsv('\ufeffstation, time ,pm25\r\n2703A,2019-12-11T01:00:00+08:00, 150\r\n\r\n')).toEqual({
      header: ['station', 'time', 'pm25'],
      rows: [['2703A', '2019-12-11T01:00:00+08:00', '150']],
    });
  });

  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('id,name\n"S1","市环保局, ""东"" 站\n新址"\nS2,plain\n').rows).toEqual([
      ['S1', '市环保局, "东" 站\n新址'],
      ['S2', 'plain'],
    ]);
  });

  test('an empty cell stays empty (not measured)', () => {
    expect(parseCsv('a,b,c\n1,,3\n').rows).toEqual([['1', '', '3']]);
  });

  test('a row of the wrong length or an unclosed quote is refused, naming where', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 1 has 3 fields, the header 2/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1x"y",2\n')).toThrow(/quote inside an unquoted field on line 2/);
  });
});
