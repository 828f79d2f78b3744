/** CSV as Excel reads it: a field is quoted when it holds a quote, a separator or a line break. */
export const csvField = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;
