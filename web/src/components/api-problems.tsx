import { Alert, List } from '@mantine/core';
import type { ApiError } from '../api.ts';

/**
 * Where a problem is, in the words of the form: `body.lines.1.quantity` and `lines[1].quantity`
 * both read "Baris 2 · Jumlah". A field the page does not name is left out rather than shown raw.
 */
export function placeOf(path: string, labels: Record<string, string>, line: (n: number) => string): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '' && p !== 'body' && p !== 'querystring');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (/^\d+$/.test(part)) words.push(line(Number(part) + 1));
    else if (labels[part] && !(parts[i + 1] && /^\d+$/.test(parts[i + 1] ?? ''))) words.push(labels[part]);
  }
  return words.join(' · ');
}

/**
 * The server's refusal: its message, and every problem it found, each placed where `place` says
 * (in the words of the form), or unplaced. Announced to a screen reader when it appears.
 */
export function ApiProblems({
  error,
  testId,
  place,
}: {
  error: ApiError | null;
  testId: string;
  place?: (path: string) => string;
}) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {error.message}
      {error.problems.length > 0 ? (
        <List size="sm">
          {error.problems.map((p) => {
            const where = place?.(p.path) ?? '';
            return (
              <List.Item key={`${p.path}${p.message}`}>
                {where ? `${where}: ` : ''}
                {p.message}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </Alert>
  );
}
