import { Alert, List } from '@mantine/core';
import type { ApiError } from '../api.ts';

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
