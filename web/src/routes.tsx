import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { NotFound, Shell } from './components/shell.tsx';
import { PortalPage } from './pages/portal/home.tsx';

/*
 * The citizen's first page is in the entry; every other area is a chunk of its own, loaded when
 * a route of it is first opened, so a phone on the portal never downloads the staff app.
 */
const portal = () => import('./pages/portal/index.ts');
const track = () => import('./pages/track/index.ts');
const survey = () => import('./pages/survey/index.ts');
const login = () => import('./pages/login.tsx');
const staff = () => import('./pages/staff/index.ts');
const account = () => import('./pages/account/index.ts');
const cases = () => import('./pages/cases/index.ts');
const reports = () => import('./pages/reports/index.ts');
const surveyReport = () => import('./pages/reports/survey-page.ts');
const admin = () => import('./pages/admin/index.ts');
const registry = () => import('./pages/registry/index.ts');
const complaints = () => import('./pages/complaints/index.ts');
const complaintStats = () => import('./pages/complaints/stats-page.ts');
const stock = () => import('./pages/stock/index.ts');
const submissions = () => import('./pages/submissions/index.ts');
const logistics = () => import('./pages/logistics/index.ts');
const emergency = () => import('./pages/portal/emergency.tsx');

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFound });

const routes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: PortalPage }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/layanan/$unit',
    component: lazyRouteComponent(portal, 'UnitPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/layanan/$unit/$id',
    component: lazyRouteComponent(portal, 'StandardPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/layanan/$unit/tanggap-darurat/$id',
    component: lazyRouteComponent(emergency, 'EmergencyPublicPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lacak',
    component: lazyRouteComponent(track, 'TrackFormPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lacak/$code',
    component: lazyRouteComponent(track, 'TrackPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/verifikasi',
    component: lazyRouteComponent(track, 'VerifyFormPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/verifikasi/$code',
    component: lazyRouteComponent(track, 'VerifyPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/pengaduan',
    // `unit`, `layanan` and `permohonan` come pre-filled from a standard's or a case's page.
    validateSearch: (search: Record<string, unknown>) =>
      Object.fromEntries(
        ['unit', 'layanan', 'permohonan'].flatMap((k) =>
          typeof search[k] === 'string' ? [[k, search[k]]] : [],
        ),
      ) as { unit?: string; layanan?: string; permohonan?: string },
    component: lazyRouteComponent(complaints, 'ComplaintFormPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/pengaduan/lacak/$code',
    component: lazyRouteComponent(complaints, 'ComplaintTrackPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengaduan',
    component: lazyRouteComponent(complaints, 'ComplaintQueuePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengaduan/lapor',
    component: lazyRouteComponent(complaints, 'LaporPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengaduan/statistik',
    component: lazyRouteComponent(complaintStats, 'ComplaintStatsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengaduan/$id',
    component: lazyRouteComponent(complaints, 'ComplaintPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/survei',
    component: lazyRouteComponent(survey, 'SurveyCodePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/survei/$token',
    component: lazyRouteComponent(survey, 'SurveyPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/kiosk/$unit/survei',
    component: lazyRouteComponent(survey, 'KioskSurveyPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/masuk',
    // `next`: the staff page to return to after sign-in (checked by `safeReturnPath`).
    validateSearch: (search: Record<string, unknown>): { next?: string } =>
      typeof search.next === 'string' ? { next: search.next } : {},
    component: lazyRouteComponent(login, 'LoginPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf',
    component: lazyRouteComponent(staff, 'StaffHomePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/standar',
    component: lazyRouteComponent(staff, 'StaffStandardsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/akun',
    component: lazyRouteComponent(account, 'AccountPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/akun/sesi',
    component: lazyRouteComponent(account, 'SessionsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan',
    component: lazyRouteComponent(cases, 'QueuePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan/baru',
    component: lazyRouteComponent(cases, 'IntakePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan/semua',
    component: lazyRouteComponent(cases, 'CaseListPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/permohonan/$id',
    component: lazyRouteComponent(cases, 'CasePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengajuan',
    component: lazyRouteComponent(submissions, 'SubmissionsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengajuan/baru',
    component: lazyRouteComponent(submissions, 'SubmitReliefPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengajuan/$id',
    component: lazyRouteComponent(submissions, 'SubmissionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/laporan',
    component: lazyRouteComponent(reports, 'SlaReportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/survei',
    component: lazyRouteComponent(surveyReport, 'SurveyReportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/kas',
    component: lazyRouteComponent(reports, 'CashBookPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/tanggap-darurat',
    component: lazyRouteComponent(reports, 'EmergenciesPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/kalender',
    component: lazyRouteComponent(admin, 'CalendarPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/audit',
    component: lazyRouteComponent(admin, 'AuditPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/pengguna',
    component: lazyRouteComponent(admin, 'UsersPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/open311',
    component: lazyRouteComponent(admin, 'Open311Page'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri',
    component: lazyRouteComponent(registry, 'RegistryPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri/impor',
    component: lazyRouteComponent(registry, 'RegistryImportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/registri/keluarga/$id',
    component: lazyRouteComponent(registry, 'FamilyPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok',
    component: lazyRouteComponent(stock, 'StockPositionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok/kartu/$warehouseId/$itemId',
    component: lazyRouteComponent(stock, 'StockCardPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok/kedaluwarsa',
    component: lazyRouteComponent(stock, 'StockExpiringPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok/katalog',
    component: lazyRouteComponent(stock, 'StockCataloguePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok/barang-masuk',
    component: lazyRouteComponent(stock, 'StockReceiptPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/stok/opname',
    component: lazyRouteComponent(stock, 'StockCountPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/logistik/penyaluran',
    // `kejadian`: the emergency shown, from the emergencies page.
    validateSearch: (search: Record<string, unknown>): { kejadian?: string } =>
      typeof search.kejadian === 'string' || typeof search.kejadian === 'number'
        ? { kejadian: String(search.kejadian) }
        : {},
    component: lazyRouteComponent(logistics, 'DistributionsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/staf/logistik/permohonan',
    component: lazyRouteComponent(logistics, 'RequestAgesPage'),
  }),
];

export const router = createRouter({ routeTree: rootRoute.addChildren(routes) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
