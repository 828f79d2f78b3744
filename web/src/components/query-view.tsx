import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Loading, error (with retry) and data states of one query, the same everywhere. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={t('loadError')} role="alert">
        <Stack gap="xs">
          <Text size="sm">{query.error.message}</Text>
          <Group>
            <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
              {t('retry')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
