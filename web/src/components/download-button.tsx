import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A file the server makes (XLSX, CSV) as a link the browser downloads. Disabled, it is a plain
 * button without a link: an anchor's `disabled` would still follow on Enter or a middle click.
 */
export function DownloadButton({
  href,
  disabled = false,
  testId,
  size,
  children,
}: {
  href: string;
  disabled?: boolean;
  testId: string;
  size?: ButtonProps['size'];
  children: ReactNode;
}) {
  if (disabled)
    return (
      <Button variant="light" size={size} disabled data-testid={testId}>
        {children}
      </Button>
    );
  return (
    <Button component="a" variant="light" size={size} href={href} download data-testid={testId}>
      {children}
    </Button>
  );
}
