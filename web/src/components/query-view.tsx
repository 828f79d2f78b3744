import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { signInHref } from '../return-to.ts';
import { useSession } from '../session.ts';

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

/** Where "home" is: the staff home for staff (signed in, or in the staff app), else the portal. */
function useHome(): { to: '/staf' | '/'; label: 'homeStaff' | 'homePortal' } {
  const pathname = useLocation({ select: (l) => l.pathname });
  const session = useSession();
  return pathname.startsWith('/staf') || session.data
    ? { to: '/staf', label: 'homeStaff' }
    : { to: '/', label: 'homePortal' };
}

/** A link home, and back when there is a page to go back to. */
export function WayOn({ back = true }: { back?: boolean }) {
  const { t } = useI18n();
  const home = useHome();
  return (
    <Group gap="xs">
      <Button component={Link} to={home.to} size="xs" variant="light" data-testid="way-home">
        {t(home.label)}
      </Button>
      {back && typeof window !== 'undefined' && window.history.length > 1 ? (
        <Button size="xs" variant="subtle" onClick={() => window.history.back()}>
          {t('back')}
        </Button>
      ) : null}
    </Group>
  );
}

/** A 401 inside the app: the session has ended, so sign in again and come back here. */
function SignInAgain() {
  const client = useQueryClient();
  const href = useLocation({ select: (l) => l.href });
  useEffect(() => {
    client.setQueryData(['me'], null);
  }, [client]);
  if (href.startsWith('/masuk')) return null;
  return <Navigate {...signInHref(href, window.location.origin)} replace />;
}

/** What went wrong, in words that fit it: missing and forbidden cannot be retried away. */
export function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) return <SignInAgain />;
  if (status === 404) {
    return (
      <Alert color="gray" title={t('notFoundTitle')} role="alert" data-testid="load-not-found">
        <Stack gap="xs">
          <Text size="sm">{error.message}</Text>
          <WayOn />
        </Stack>
      </Alert>
    );
  }
  if (status === 403) {
    return (
      <Alert color="orange" title={t('forbiddenTitle')} role="alert" data-testid="load-forbidden">
        <Stack gap="xs">
          <Text size="sm">{error.message}</Text>
          <WayOn />
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('loadError')} role="alert" data-testid="load-error">
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        <Group>
          <Button size="xs" variant="light" color="red" onClick={retry}>
            {t('retry')}
          </Button>
        </Group>
      </Stack>
    </Alert>
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
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
