import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { NotFound, Shell } from './components/shell.tsx';
import { AccountPage, SessionsPage } from './pages/account/index.ts';
import { AuditPage, CalendarPage } from './pages/admin/index.ts';
import { CasePage, IntakePage, QueuePage } from './pages/cases/index.ts';
import { LoginPage } from './pages/login.tsx';
import { PortalPage } from './pages/portal/home.tsx';
import { StandardPage, UnitPage } from './pages/portal/index.ts';
import { FamilyPage, RegistryImportPage, RegistryPage } from './pages/registry/index.ts';
import { CashBookPage, SlaReportPage } from './pages/reports/index.ts';
import { StaffHomePage, StaffStandardsPage } from './pages/staff/index.ts';
import { TrackFormPage, TrackPage, VerifyPage } from './pages/track/index.ts';

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFound });

const routes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: PortalPage }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/layanan/$unit',
    component: UnitPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/layanan/$unit/$id',
    component: StandardPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lacak',
    component: TrackFormPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lacak/$code',
    component: TrackPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/verifikasi/$code',
    component: VerifyPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/masuk',
    component: LoginPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf',
    component: StaffHomePage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/standar',
    component: StaffStandardsPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/akun',
    component: AccountPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/akun/sesi',
    component: SessionsPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan',
    component: QueuePage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan/baru',
    component: IntakePage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan/$id',
    component: CasePage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/laporan',
    component: SlaReportPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/kas',
    component: CashBookPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/kalender',
    component: CalendarPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/audit',
    component: AuditPage,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri',
    component: RegistryPage,
  }),
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

export const router = createRouter({ routeTree: rootRoute.addChildren(routes) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
