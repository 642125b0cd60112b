import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { CONFIRM_CONTACT_PATH } from '../domain/web-paths.js';
import { Layout } from './components/Layout.js';
import { useDocumentTitle } from './components/use-document-title.js';
import { StartPage } from './features/areas/StartPage.js';

// The start page comes with the first load; the other pages (and zod, for the form) load when visited.
const DistrictPage = lazy(() => import('./features/areas/DistrictPage.js').then((m) => ({ default: m.DistrictPage })));
const PlacesPage = lazy(() => import('./features/places/PlacesPage.js').then((m) => ({ default: m.PlacesPage })));
const PlaceDetailPage = lazy(() => import('./features/places/PlaceDetailPage.js').then((m) => ({ default: m.PlaceDetailPage })));
const ReportPage = lazy(() => import('./features/incidents/ReportPage.js').then((m) => ({ default: m.ReportPage })));
const ConfirmContactPage = lazy(() => import('./features/incidents/ConfirmContactPage.js').then((m) => ({ default: m.ConfirmContactPage })));
const FollowPage = lazy(() => import('./features/incidents/FollowPage.js').then((m) => ({ default: m.FollowPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/IncidentDetailPage.js').then((m) => ({ default: m.IncidentDetailPage })));
const AccessibilityPage = lazy(() => import('./features/about/AccessibilityPage.js').then((m) => ({ default: m.AccessibilityPage })));
const ProcessingRecordPage = lazy(() => import('./features/gdpr/ProcessingRecordPage.js').then((m) => ({ default: m.ProcessingRecordPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const RecordsPage = lazy(() => import('./features/records/RecordsPage.js').then((m) => ({ default: m.RecordsPage })));
const SituationPage = lazy(() => import('./features/situation/SituationPage.js').then((m) => ({ default: m.SituationPage })));
const FrozenReportPage = lazy(() => import('./features/situation/FrozenReportPage.js').then((m) => ({ default: m.FrozenReportPage })));
const InboxPage = lazy(() => import('./features/inbox/InboxPage.js').then((m) => ({ default: m.InboxPage })));
const DistrictProgrammePage = lazy(() => import('./features/programme/DistrictProgrammePage.js').then((m) => ({ default: m.DistrictProgrammePage })));
const ProblemListPage = lazy(() => import('./features/programme/ProblemListPage.js').then((m) => ({ default: m.ProblemListPage })));
const ProblemFormPage = lazy(() => import('./features/programme/ProblemFormPage.js').then((m) => ({ default: m.ProblemFormPage })));
const ProblemPage = lazy(() => import('./features/programme/ProblemPage.js').then((m) => ({ default: m.ProblemPage })));
const MeasureFormPage = lazy(() => import('./features/programme/MeasureFormPage.js').then((m) => ({ default: m.MeasureFormPage })));
const MeasurePage = lazy(() => import('./features/programme/MeasurePage.js').then((m) => ({ default: m.MeasurePage })));
const ProblemEditPage = lazy(() => import('./features/programme/ProblemEditPage.js').then((m) => ({ default: m.ProblemEditPage })));
const MeasureEditPage = lazy(() => import('./features/programme/MeasureEditPage.js').then((m) => ({ default: m.MeasureEditPage })));
const QualityPage = lazy(() => import('./features/quality/QualityPage.js').then((m) => ({ default: m.QualityPage })));
const CityPage = lazy(() => import('./features/views/CityPage.js').then((m) => ({ default: m.CityPage })));
const UnitPage = lazy(() => import('./features/views/UnitPage.js').then((m) => ({ default: m.UnitPage })));
const AgreementsPage = lazy(() => import('./features/agreements/AgreementsPage.js').then((m) => ({ default: m.AgreementsPage })));
const PublicAgreementsPage = lazy(() => import('./features/agreements/PublicAgreementsPage.js').then((m) => ({ default: m.PublicAgreementsPage })));
const AgreementFormPage = lazy(() => import('./features/agreements/AgreementFormPage.js').then((m) => ({ default: m.AgreementFormPage })));
const AgreementReviewPage = lazy(() => import('./features/agreements/AgreementReviewPage.js').then((m) => ({ default: m.AgreementReviewPage })));
const AnnualPage = lazy(() => import('./features/annual/AnnualPage.js').then((m) => ({ default: m.AnnualPage })));
const ResponsibilityPage = lazy(() => import('./features/responsibility/ResponsibilityPage.js').then((m) => ({ default: m.ResponsibilityPage })));
const ServiceLevelsPage = lazy(() => import('./features/responsibility/ServiceLevelsPage.js').then((m) => ({ default: m.ServiceLevelsPage })));
const ImportPage = lazy(() => import('./features/imports/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const LoginPage = lazy(() => import('./features/auth/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.js').then((m) => ({ default: m.ChangePasswordPage })));

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
      { path: 'situation', element: page(<SituationPage />) },
      { path: 'situation/reports/:id', element: page(<FrozenReportPage />) },
      { path: 'inbox', element: page(<InboxPage />) },
      { path: 'districts/:id/programme', element: page(<DistrictProgrammePage />) },
      { path: 'districts/:id/problems', element: page(<ProblemListPage />) },
      { path: 'districts/:id/problems/new', element: page(<ProblemFormPage />) },
      { path: 'problems/:id', element: page(<ProblemPage />) },
      { path: 'problems/:id/edit', element: page(<ProblemEditPage />) },
      { path: 'measures/new', element: page(<MeasureFormPage />) },
      { path: 'measures/:id', element: page(<MeasurePage />) },
      { path: 'measures/:id/edit', element: page(<MeasureEditPage />) },
      { path: 'places', element: page(<PlacesPage />) },
      { path: 'places/:id', element: page(<PlaceDetailPage />) },
      { path: 'report', element: page(<ReportPage />) },
      { path: CONFIRM_CONTACT_PATH, element: page(<ConfirmContactPage />) },
      { path: 'follow', element: page(<FollowPage />) },
      { path: 'follow/:code', element: page(<FollowPage />) },
      { path: 'incidents/:id', element: page(<IncidentDetailPage />) },
      { path: 'tillganglighet', element: page(<AccessibilityPage />) },
      { path: 'personuppgifter', element: page(<ProcessingRecordPage />) },
      { path: 'admin/audit', element: page(<AuditPage />) },
      { path: 'admin/records', element: page(<RecordsPage />) },
      { path: 'city', element: page(<CityPage />) },
      { path: 'quality', element: page(<QualityPage />) },
      { path: 'annual', element: page(<AnnualPage />) },
      { path: 'units', element: page(<UnitPage />) },
      { path: 'units/:id', element: page(<UnitPage />) },
      { path: 'agreements', element: page(<AgreementsPage />) },
      { path: 'agreements/new', element: page(<AgreementFormPage />) },
      { path: 'agreements/:id/edit', element: page(<AgreementFormPage />) },
      { path: 'agreements/:id/review', element: page(<AgreementReviewPage />) },
      { path: 'overenskommelser', element: page(<PublicAgreementsPage />) },
      { path: 'responsibility', element: page(<ResponsibilityPage />) },
      { path: 'service-levels', element: page(<ServiceLevelsPage />) },
      { path: 'imports', element: page(<ImportPage />) },
      { path: 'login', element: page(<LoginPage />) },
      { path: 'account/password', element: page(<ChangePasswordPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
