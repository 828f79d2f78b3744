import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  MantineThemeProvider,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { type Lang, useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.ts';
import { PhoneLabel, TrackLink } from './header-links.tsx';

/** The staff area's menu, loaded with the staff area only (see pages/staff/nav.tsx). */
const StaffNav = lazy(() => import('../pages/staff/nav.tsx'));

function Header({ staff }: { staff: boolean }) {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  return (
    <Container size="lg" h="100%">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Anchor component={Link} to="/" underline="never" c="inherit">
          <Group gap={8} wrap="nowrap">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <div>
              <Title order={2} size="h4" lh={1}>
                Jaring
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t('appTagline')}
              </Text>
            </div>
          </Group>
        </Anchor>
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={t('languageSwitch')}
            data-testid="lang-switch"
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[
              { value: 'id', label: 'ID' },
              { value: 'en', label: 'EN' },
            ]}
          />
          {/* On a phone the staff menu's button takes the header's room; staff track from the menu. */}
          {staff ? (
            <Box visibleFrom="xs">
              <TrackLink />
            </Box>
          ) : (
            <TrackLink />
          )}
          {session.data ? (
            <Button
              component={Link}
              to="/staf"
              size="xs"
              variant="light"
              maw={120}
              styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
              title={session.data.name}
            >
              {session.data.name.split(/[\s,]+/)[0]}
            </Button>
          ) : (
            <Button component={Link} to="/masuk" size="xs" variant="light">
              <PhoneLabel full={t('signIn')} short={t('signInShort')} />
            </Button>
          )}
        </Group>
      </Group>
    </Container>
  );
}

/**
 * The frame of every page: a fixed header with the language switch and sign-in, then the page.
 * Plain elements styled in styles.css rather than Mantine's AppShell, whose navbar, aside and
 * scroll-lock machinery (~10 KB gzip) the portal's first load cannot afford and never uses.
 * `right-scroll-bar-position` is react-remove-scroll's class: a dialog's scroll lock keeps the
 * fixed header from shifting, as it did in AppShell.
 */
export function Shell() {
  const { t } = useI18n();
  const staff = useRouterState({ select: (s) => s.location.pathname.startsWith('/staf') });
  // Mantine's icon-only buttons (a dialog's ×, a field's clear button) carry no name of their
  // own: each gets one in the page's language, for screen readers (WCAG 4.1.2). A table that
  // scrolls sideways on a phone takes the keyboard's focus, so arrows scroll it (WCAG 2.1.1).
  const names = useMemo(
    () => ({
      components: {
        CloseButton: { defaultProps: { 'aria-label': t('closeDialog') } },
        InputClearButton: { defaultProps: { 'aria-label': t('clearField') } },
        TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
      },
    }),
    [t],
  );
  return (
    <MantineThemeProvider theme={names}>
      {/* The first stop of the keyboard, shown when focused: past the header and menu to the page
          (`main` takes the focus, having a tabindex). */}
      <a className="skip-link" href="#isi" data-testid="skip-link">
        {t('skipToContent')}
      </a>
      <header className={`shell-header right-scroll-bar-position${staff ? ' shell-header-staff' : ''}`}>
        <Header staff={staff} />
      </header>
      {staff ? (
        <Suspense fallback={null}>
          <StaffNav />
        </Suspense>
      ) : null}
      <main id="isi" tabIndex={-1} className={staff ? 'shell-main shell-main-staff' : 'shell-main'}>
        <Container size="lg" pb="xl">
          <Outlet />
        </Container>
      </main>
    </MantineThemeProvider>
  );
}

// The 404 page is rare: it loads with the error views, outside the portal's first load.
const NotFoundPage = lazy(() => import('./load-error.tsx').then((m) => ({ default: m.NotFoundPage })));

export function NotFound() {
  return (
    <Suspense fallback={null}>
      <NotFoundPage />
    </Suspense>
  );
}
