import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.js';
import { useDocumentTitle } from './components/use-document-title.js';
import { StartPage } from './features/areas/StartPage.js';

// The start page comes with the first load; the other pages (and zod, for the form) load when visited.
const DistrictPage = lazy(() => import('./features/areas/DistrictPage.js').then((m) => ({ default: m.DistrictPage })));
const PlacesPage = lazy(() => import('./features/places/PlacesPage.js').then((m) => ({ default: m.PlacesPage })));
const PlaceDetailPage = lazy(() => import('./features/places/PlaceDetailPage.js').then((m) => ({ default: m.PlaceDetailPage })));
const ReportPage = lazy(() => import('./features/incidents/ReportPage.js').then((m) => ({ default: m.ReportPage })));
const FollowPage = lazy(() => import('./features/incidents/FollowPage.js').then((m) => ({ default: m.FollowPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/IncidentDetailPage.js').then((m) => ({ default: m.IncidentDetailPage })));
const AccessibilityPage = lazy(() => import('./features/about/AccessibilityPage.js').then((m) => ({ default: m.AccessibilityPage })));
const ProcessingRecordPage = lazy(() => import('./features/gdpr/ProcessingRecordPage.js').then((m) => ({ default: m.ProcessingRecordPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const SituationPage = lazy(() => import('./features/situation/SituationPage.js').then((m) => ({ default: m.SituationPage })));
const FrozenReportPage = lazy(() => import('./features/situation/FrozenReportPage.js').then((m) => ({ default: m.FrozenReportPage })));
const InboxPage = lazy(() => import('./features/inbox/InboxPage.js').then((m) => ({ default: m.InboxPage })));
const LoginPage = lazy(() => import('./features/auth/LoginPage.js').then((m) => ({ default: m.LoginPage })));

function Loading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('common.loading')}</p>;
}
const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound'));
  return (
    <div className="page">
      <h1>{t('app.notFound')}</h1>
      <p><Link to="/">{t('app.home')}</Link></p>
    </div>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <StartPage /> },
      { path: 'districts/:id', element: page(<DistrictPage />) },
      { path: 'districts/:id/situation', element: page(<SituationPage />) },
      { path: 'situation/reports/:id', element: page(<FrozenReportPage />) },
      { path: 'inbox', element: page(<InboxPage />) },
      { path: 'places', element: page(<PlacesPage />) },
      { path: 'places/:id', element: page(<PlaceDetailPage />) },
      { path: 'report', element: page(<ReportPage />) },
      { path: 'follow', element: page(<FollowPage />) },
      { path: 'follow/:code', element: page(<FollowPage />) },
      { path: 'incidents/:id', element: page(<IncidentDetailPage />) },
      { path: 'tillganglighet', element: page(<AccessibilityPage />) },
      { path: 'personuppgifter', element: page(<ProcessingRecordPage />) },
      { path: 'admin/audit', element: page(<AuditPage />) },
      { path: 'login', element: page(<LoginPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
