/**
 * CSV for a spreadsheet opened by double-click in Indonesian Excel or LibreOffice, which guess
 * each cell's type: `;` between fields (the list separator where the decimal mark is a comma),
 * UTF-8 with a byte-order mark (or the letters break), identifiers as text formulas (`="…"`) so
 * a 16-digit NIK or an RT of `001` is not turned into a number that loses digits or zeros, and
 * dates as ISO `YYYY-MM-DD`, the one form every locale reads the same way (DD-MM-YYYY is read
 * month first by an English one). A text that would start a formula is written as text.
 */
export type ExcelCell = string | number | null | { readonly id: string } | { readonly date: string | null };

/** The byte-order mark the file starts with. */
export const excelCsvBom = '\uFEFF';

const quoted = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One field: a formula-looking text (`=`, `+`, `-`, `@` first) is prefixed with `'`. */
export function excelCsvField(cell: ExcelCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  if (typeof cell === 'object') {
    if ('date' in cell) return cell.date ?? '';
    if (cell.id === '') return '';
    // A code of digits, dots, dashes, slashes or stars (a masked NIK); anything else as text.
    return /^[\w.\-/*]+$/.test(cell.id) ? `="${cell.id}"` : excelCsvField(cell.id);
  }
  return quoted(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
}

export const excelCsvLine = (cells: readonly ExcelCell[]) => `${cells.map(excelCsvField).join(';')}\r\n`;
