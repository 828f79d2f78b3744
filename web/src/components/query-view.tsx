import { Group, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

// Errors are rare and the portal's first load is tight: their views come in a chunk of their own.
const LoadError = lazy(() => import('./load-error.tsx').then((m) => ({ default: m.LoadError })));
/** The shape a page's content will take, drawn while it loads. */
export type SkeletonShape = 'lines' | 'table' | 'detail' | 'cards';

/** Grey blocks in the outline of what is coming, so the page does not jump when it arrives. */
export function ContentSkeleton({ shape = 'lines' }: { shape?: SkeletonShape }) {
  const { t } = useI18n();
  const rows = (n: number, height: number) =>
    // Placeholders that never reorder: their position is their identity.
    Array.from({ length: n }, (_, i) => `${height}-${i}`).map((key) => (
      <Skeleton key={key} height={height} radius="sm" />
    ));
  return (
    <Stack
      gap="sm"
      role="status"
      aria-busy="true"
      aria-label={t('loading')}
      data-testid="content-skeleton"
      data-shape={shape}
    >
      {shape === 'table' ? (
        <>
          <Skeleton height={36} radius="sm" />
          {rows(6, 28)}
        </>
      ) : shape === 'detail' ? (
        <>
          <Skeleton height={28} width="45%" radius="sm" />
          <Group grow align="start">
            <Stack gap="xs">{rows(4, 16)}</Stack>
            <Stack gap="xs">{rows(4, 16)}</Stack>
          </Group>
          <Skeleton height={120} radius="sm" />
        </>
      ) : shape === 'cards' ? (
        <Group grow align="start">
          {rows(3, 110)}
        </Group>
      ) : (
        <>
          <Skeleton height={20} width="60%" radius="sm" />
          {rows(3, 14)}
        </>
      )}
    </Stack>
  );
}

/**
 * Loading, error and data states of one query, the same everywhere. `skeleton` is the outline
 * drawn while loading; errors say whether the data is missing, forbidden or just unreachable.
 */
export function QueryView<T>({
  query,
  children,
  skeleton = 'lines',
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  skeleton?: SkeletonShape;
}) {
  if (query.isPending) return <ContentSkeleton shape={skeleton} />;
  if (query.isError) {
    return (
      <Suspense fallback={null}>
        <LoadError error={query.error} retry={() => void query.refetch()} />
      </Suspense>
    );
  }
  return <>{children(query.data)}</>;
}
