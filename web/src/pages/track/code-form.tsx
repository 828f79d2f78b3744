import { Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';

/**
 * A field for a code from a paper (a receipt's tracking code, a letter's verification code) and
 * its button; the tracking and verification pages show it again, filled in, when a code is wrong.
 */
export function CodeForm({
  label,
  submit,
  initial = '',
  placeholder,
  minLength,
  capitals = false,
  normalise,
  onCode,
  children,
}: {
  label: string;
  submit: string;
  initial?: string;
  placeholder?: string;
  minLength: number;
  /** Whether a phone's keyboard should start in capitals (the tracking codes have no small letters). */
  capitals?: boolean;
  /** The code as the server takes it, from what was typed or pasted. */
  normalise: (typed: string) => string;
  onCode: (code: string) => void;
  children?: ReactNode;
}) {
  const [code, setCode] = useState(initial);
  const valid = normalise(code).length >= minLength;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onCode(normalise(code));
  };
  return (
    <form onSubmit={send}>
      <Stack>
        {children}
        <TextInput
          label={label}
          placeholder={placeholder}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          autoCapitalize={capitals ? 'characters' : 'off'}
          spellCheck={false}
          required
        />
        <Button type="submit" disabled={!valid}>
          {submit}
        </Button>
      </Stack>
    </form>
  );
}
