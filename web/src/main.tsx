import '@mantine/core/styles.css';
import './styles.css';
import {
  Anchor,
  AppShell,
  Button,
  Container,
  createTheme,
  Group,
  MantineProvider,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, type Lang, useI18n } from './i18n.tsx';
import { AccountPage, SessionsPage } from './pages/account.tsx';
import { AuditPage, CalendarPage } from './pages/admin.tsx';
import { CasePage, IntakePage, QueuePage } from './pages/cases.tsx';
import { LoginPage } from './pages/login.tsx';
import { PortalPage, UnitPage } from './pages/portal.tsx';
import { TrackFormPage, TrackPage, VerifyPage } from './pages/public-case.tsx';
import { FamilyPage, RegistryImportPage, RegistryPage } from './pages/registry.tsx';
import { CashBookPage, SlaReportPage } from './pages/reports.tsx';
import { StaffHomePage, StaffStandardsPage } from './pages/staff.tsx';
import { StandardPage } from './pages/standard.tsx';
import { useSession } from './session.ts';

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

function Header() {
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
            aria-label="Bahasa / Language"
            data-testid="lang-switch"
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[
              { value: 'id', label: 'ID' },
              { value: 'en', label: 'EN' },
            ]}
          />
          <Button component={Link} to="/lacak" size="xs" variant="subtle" visibleFrom="xs">
            {t('track')}
          </Button>
          {session.data ? (
            <Button component={Link} to="/staf" size="xs" variant="light">
              {session.data.name.split(' ')[0]}
            </Button>
          ) : (
            <Button component={Link} to="/masuk" size="xs" variant="light">
              {t('signIn')}
            </Button>
          )}
        </Group>
      </Group>
    </Container>
  );
}

function Shell() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" pb="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <Text>{t('notFound')}</Text>;
}

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFound });
const routes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: PortalPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/layanan/$unit', component: UnitPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/layanan/$unit/$id', component: StandardPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/masuk', component: LoginPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf', component: StaffHomePage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/standar', component: StaffStandardsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/akun', component: AccountPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/akun/sesi', component: SessionsPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/permohonan', component: QueuePage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/permohonan/baru', component: IntakePage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/permohonan/$id', component: CasePage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/laporan', component: SlaReportPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/kas', component: CashBookPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/lacak', component: TrackFormPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/lacak/$code', component: TrackPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/verifikasi/$code', component: VerifyPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/kalender', component: CalendarPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/audit', component: AuditPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/staf/registri', component: RegistryPage }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri/impor',
    component: RegistryImportPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri/keluarga/$id',
    component: FamilyPage,
  }),
];
const router = createRouter({ routeTree: rootRoute.addChildren(routes) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <I18nProvider>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
