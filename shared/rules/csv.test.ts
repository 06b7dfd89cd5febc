import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, separates with semicolons and ends every line with CRLF', () => {
    const text = toCsv(
      ['gemeente', 'nachten'],
      [
        ['Turnhout', 3],
        ['Geel', 0],
      ],
    );
    expect(text).toBe(`${BOM}gemeente;nachten\r\nTurnhout;3\r\nGeel;0\r\n`);
  });

  it('quotes semicolons, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a,b')).toBe('a,b'); // a comma is no separator here
  });

  it('writes ISO dates, empty cells for null, and a decimal comma unless told otherwise', () => {
    expect(csvCell(new Date(Date.UTC(2026, 9, 25, 0, 30)))).toBe('2026-10-25T00:30:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0.25)).toBe('0,25');
    expect(csvCell(0.25, { decimal: '.' })).toBe('0.25');
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv(['x'], [[1.5]], { bom: false })).toBe('x\r\n1,5\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('+32 14 44 01 01')).toBe("'+32 14 44 01 01");
  });
});

describe('parseCsv', () => {
  it('reads hand-written CSV with quotes, separators and line breaks inside cells', () => {
    const text = `${BOM}a;b;c\r\n"x;y";"he said ""hi""";"two\r\nlines"\r\n;;\n`;
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'he said "hi"', 'two\r\nlines'],
      ['', '', ''],
    ]);
  });

  it('gives back exactly what toCsv wrote, for any text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '\r', ' ', 'x', '1', ',') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => c.replace(/^[=+\-@\t\r]/, 'a')));
        const parsed = parseCsv(toCsv(['h1', 'h2'], safe));
        expect(parsed).toEqual([['h1', 'h2'], ...safe]);
      }),
    );
  });
});
