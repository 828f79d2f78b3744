import { Button, FileButton } from '@mantine/core';

/** A small button that picks one scan (PDF, JPEG or PNG) and hands it on. */
export function ReplaceButton({
  label,
  testId,
  onFile,
}: {
  label: string;
  testId: string;
  onFile: (file: File) => void;
}) {
  return (
    <FileButton accept="application/pdf,image/jpeg,image/png" onChange={(file) => file && onFile(file)}>
      {(props) => (
        <Button size="xs" variant="default" {...props} data-testid={testId}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}
