import { Anchor, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';

/** A line of links to a section's pages above each of them; left off the printed page. */
export function SubNav({ links, testId }: { links: readonly (readonly [string, string])[]; testId: string }) {
  return (
    <Group gap="md" wrap="wrap" data-testid={testId} className="no-print">
      {links.map(([label, to]) => (
        <Anchor key={to} component={Link} to={to} size="sm">
          {label}
        </Anchor>
      ))}
    </Group>
  );
}
