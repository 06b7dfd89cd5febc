/**
 * CSV as Belgian spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads "é" right),
 * semicolon-separated, CRLF line ends (RFC 4180), dates as ISO 8601. Numbers use a decimal comma by
 * default, the convention that goes with the semicolon in nl-BE; pass `decimal: '.'` for English.
 * A cell is quoted when it holds the separator, a quote, CR or LF (quotes doubled). Text that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) gets a leading apostrophe.
 * Pure: no I/O.
 */

/** @public */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** @public */
export interface CsvOptions {
  /** Default ';'. */
  separator?: string;
  /** Decimal mark for non-integer numbers. Default ','. */
  decimal?: ',' | '.';
  /** Prepend the UTF-8 byte-order mark. Default true. */
  bom?: boolean;
}

/** @public */
export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** @public */
export function csvCell(value: CsvCell, opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ';';
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) text = '';
    else text = Number.isInteger(value) ? String(value) : String(value).replace('.', opts.decimal ?? ',');
  } else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(sep) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV document: a header row and the data rows.
 * @public
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ';';
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvCell(c, opts)).join(sep);
  const body = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return ((opts.bom ?? true) ? BOM : '') + body;
}

/**
 * Reads CSV back (tests, and anyone importing an export): quoted cells with doubled quotes and line
 * breaks inside, CRLF or LF line ends, a leading BOM ignored. Returns rows of raw strings.
 * @public
 */
export function parseCsv(text: string, separator = ';'): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && src[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
