import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';

/** Where a citizen types the code from their receipt. */
export function TrackFormPage() {
  const { t } = useTexts(trackTexts);
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: `/lacak/${code.trim().toUpperCase()}` });
  };
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
      <form onSubmit={submit}>
        <Stack>
          <Title order={1} size="h3">
            {t('trackTitle')}
          </Title>
          <TextInput
            label={t('trackCode')}
            placeholder="K7MQ2-XW9PD"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
          />
          <Button type="submit" disabled={code.trim().length < 5}>
            {t('trackSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
