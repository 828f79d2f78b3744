/**
 * A rendered letter body as blocks to lay out (see `LetterTemplate.body`): paragraphs separated
 * by blank lines; a paragraph whose lines all read `Label : value` is a table of fields; one
 * whose lines start with `1.`, `a.` or `-` is a list (a line without a marker continues the item
 * above). Other paragraphs are prose, their lines joined.
 */
export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'list'; items: Array<{ marker: string; text: string }> };

// A label, whitespace, then the colon: "Nama      : Siti". Prose ("sebagai berikut:") has no space before it.
const fieldRow = /^(\S[^:]{0,48}?)\s+:(?:\s+(.*))?$/;
const listItem = /^(\d{1,2}\.|[a-z]\.|-)\s+(.*)$/;

export function parseLetterBody(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    const rows = lines.map((l) => fieldRow.exec(l));
    if (rows.every((m) => m !== null) && (lines.length > 1 || rows[0]?.[2])) {
      blocks.push({
        kind: 'fields',
        rows: rows.map((m) => [m?.[1] ?? '', m?.[2]?.trim() || '-']),
      });
      continue;
    }
    if (listItem.test(lines[0] ?? '')) {
      const items: Array<{ marker: string; text: string }> = [];
      for (const line of lines) {
        const m = listItem.exec(line);
        const last = items.at(-1);
        if (m) items.push({ marker: m[1] ?? '', text: m[2] ?? '' });
        else if (last) last.text = `${last.text} ${line}`;
      }
      blocks.push({ kind: 'list', items });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: lines.join(' ') });
  }
  return blocks;
}
