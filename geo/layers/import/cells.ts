/** Parsers for one spreadsheet or GeoJSON-property cell: each returns a value or a message for the report. */
export type Parsed = { value: unknown } | { error: string };
export type CellParser = (cell: unknown) => Parsed;

/** The cell as trimmed text, or '' when blank; names keep their characters as written. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell).trim();
}

/** For numbers, dates and codes: full-width digits, letters and signs (１２，％) folded to ASCII. */
export function foldedText(cell: unknown): string {
  return cellText(cell).normalize('NFKC');
}

export const text: CellParser = (cell) => {
  const value = cellText(cell);
  return value === '' ? { error: 'is empty' } : { value };
};

/** Units of mass per year and how many of them make a tonne. */
const massDivisors: [RegExp, number][] = [
  [/^(kg|千克|公斤)/i, 1000],
  [/^(t|吨|$)/i, 1],
];

/**
 * A number written the way offices write them: "1,234.5", "12 t/a", "350 kg/a" (converted to tonnes when
 * `mass` is set), "120 车次/天". Blank counts as 0: lists leave a pollutant blank when the plant emits none.
 */
export function quantity(options: { mass?: boolean; integer?: boolean } = {}): CellParser {
  return (cell) => {
    if (typeof cell === 'number') return checkInteger(cell, options.integer);
    const spaced = foldedText(cell).replace(/[\s\u00a0]/g, '');
    // A comma groups thousands (1,234.5). Between other digits it is a decimal comma ("1,5" from a
    // spreadsheet set to another locale): dropped, it would read 15 — ten times the amount.
    if (spaced.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?(?!\d|,)/.test(spaced))
      return {
        error:
          'is not a number: a comma may only group thousands (1,234.5); write decimals with a point (1.5)',
      };
    const written = spaced.replace(/,/g, '');
    if (written === '') return { value: 0 };
    const match = /^(-?\d+(?:\.\d+)?)(.*)$/.exec(written);
    if (!match) return { error: 'is not a number' };
    const number = Number(match[1]);
    const unit = match[2]!;
    if (!options.mass)
      return /^[^\d]*$/.test(unit) ? checkInteger(number, options.integer) : { error: 'is not a number' };
    const divisor = massDivisors.find(([pattern]) => pattern.test(unit))?.[1];
    if (divisor === undefined) return { error: `unit "${unit}" is not t/a or kg/a` };
    return { value: number / divisor };
  };
}

function checkInteger(number: number, integer: boolean | undefined): Parsed {
  if (!Number.isFinite(number)) return { error: 'is not a number' };
  if (integer && !Number.isInteger(number)) return { error: 'must be a whole number' };
  return { value: number };
}

export const coordinate: CellParser = (cell) => {
  if (typeof cell === 'number') return { value: cell };
  const written = foldedText(cell).replace(/[°\s]/g, '');
  if (written === '') return { error: 'is empty' };
  return /^-?\d+(\.\d+)?$/.test(written)
    ? { value: Number(written) }
    : { error: 'is not a decimal degree number' };
};

const excelEpoch = Date.UTC(1899, 11, 30);
const day = 86_400_000;

/** Excel stores dates as day serials from 1899-12-30; exceljs hands Date cells over as UTC midnight. */
export const calendarDate: CellParser = (cell) => {
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  const written = foldedText(cell);
  if (written === '') return { value: null };
  if (/^\d+(\.\d+)?$/.test(written)) {
    const serial = Number(written);
    // 1955–2119: anything else is not a date serial a list would hold.
    if (serial < 20_000 || serial > 80_000) return { error: 'is not a date' };
    return { value: new Date(excelEpoch + Math.floor(serial) * day).toISOString().slice(0, 10) };
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(written);
  if (!match) return { error: 'is not a date (write 2024-03-01)' };
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCDate() !== Number(match[3])) return { error: 'is not a calendar date' };
  return { value: date.toISOString().slice(0, 10) };
};

/** Maps written words to a fixed vocabulary; `accepted` is what the error tells the user to write. */
export function vocabulary(words: Record<string, string>, accepted: string): CellParser {
  const lookup = new Map(Object.entries(words).map(([word, value]) => [normalizeWord(word), value]));
  return (cell) => {
    const value = lookup.get(normalizeWord(cellText(cell)));
    return value === undefined ? { error: `is not one of ${accepted}` } : { value };
  };
}

function normalizeWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[\s_]/g, '');
}

export const flag: CellParser = (cell) => {
  if (typeof cell === 'boolean') return { value: cell };
  const written = foldedText(cell).toLowerCase();
  if (['', '否', 'false', 'no', 'n', '0'].includes(written)) return { value: false };
  if (['是', 'true', 'yes', 'y', '1'].includes(written)) return { value: true };
  return { error: 'is not yes/no (是/否)' };
};
