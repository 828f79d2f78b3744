import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ApiError } from '../api.ts';
import { useTexts } from '../i18n/i18n.tsx';
import { statesTexts } from '../i18n/states.ts';
import { signInHref } from '../return-to.ts';
import { useSession } from '../session.ts';

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
  const { t } = useTexts(statesTexts);
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
  const { t } = useTexts(statesTexts);
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

/** An address the app does not know: say so, and offer the way home (staff or portal). */
export function NotFoundPage() {
  const { t } = useTexts(statesTexts);
  const pathname = useLocation({ select: (l) => l.pathname });
  return (
    <Stack gap="sm" py="xl" maw={560} data-testid="not-found">
      <Title order={1} size="h2">
        {t('notFound')}
      </Title>
      <Text>{t('notFoundHint', { path: pathname })}</Text>
      <WayOn />
    </Stack>
  );
}
