import { useState } from 'react';

type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * A form's state, with the props that bind a Mantine input to one of its fields: `text` for a
 * text or date input, `choice` for a select that always holds one of its options.
 */
export function useFields<T extends Record<string, unknown>>(initial: T) {
  const [form, setForm] = useState(initial);
  const text = (key: TextKey<T>, testId: string) => ({
    value: form[key] as string,
    // The value is read at the event: React clears `currentTarget` before an updater runs.
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    'data-testid': testId,
  });
  const choice = (key: TextKey<T>, testId: string) => ({
    value: form[key] as string,
    onChange: (value: string | null) => {
      if (value !== null) setForm((f) => ({ ...f, [key]: value }));
    },
    allowDeselect: false,
    'data-testid': testId,
  });
  return { form, setForm, reset: () => setForm(initial), text, choice };
}
