import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.js';
import { PageGate } from './components/PageGate.js';
import { useDocumentTitle } from './components/use-document-title.js';
import { StartPage } from './features/areas/StartPage.js';
import { PAGES, type PagePath } from './pages.js';

// The start page comes with the first load; the other pages (and zod, for the form) load when visited.
const DistrictPage = lazy(() => import('./features/areas/DistrictPage.js').then((m) => ({ default: m.DistrictPage })));
const PlacesPage = lazy(() => import('./features/places/PlacesPage.js').then((m) => ({ default: m.PlacesPage })));
const PlaceDetailPage = lazy(() =>
  import('./features/places/PlaceDetailPage.js').then((m) => ({ default: m.PlaceDetailPage })),
);
const ReportPage = lazy(() => import('./features/incidents/ReportPage.js').then((m) => ({ default: m.ReportPage })));
const ConfirmContactPage = lazy(() =>
  import('./features/incidents/ConfirmContactPage.js').then((m) => ({ default: m.ConfirmContactPage })),
);
const FollowPage = lazy(() => import('./features/incidents/FollowPage.js').then((m) => ({ default: m.FollowPage })));
const IncidentDetailPage = lazy(() =>
  import('./features/incidents/IncidentDetailPage.js').then((m) => ({ default: m.IncidentDetailPage })),
);
const AccessibilityPage = lazy(() =>
  import('./features/about/AccessibilityPage.js').then((m) => ({ default: m.AccessibilityPage })),
);
const ProcessingRecordPage = lazy(() =>
  import('./features/gdpr/ProcessingRecordPage.js').then((m) => ({ default: m.ProcessingRecordPage })),
);
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const JobsPage = lazy(() => import('./features/jobs/JobsPage.js').then((m) => ({ default: m.JobsPage })));
const RetentionPage = lazy(() =>
  import('./features/gdpr/RetentionPage.js').then((m) => ({ default: m.RetentionPage })),
);
const RecordsPage = lazy(() => import('./features/records/RecordsPage.js').then((m) => ({ default: m.RecordsPage })));
const SituationPage = lazy(() =>
  import('./features/situation/SituationPage.js').then((m) => ({ default: m.SituationPage })),
);
const FrozenReportPage = lazy(() =>
  import('./features/situation/FrozenReportPage.js').then((m) => ({ default: m.FrozenReportPage })),
);
const InboxPage = lazy(() => import('./features/inbox/InboxPage.js').then((m) => ({ default: m.InboxPage })));
const DistrictProgrammePage = lazy(() =>
  import('./features/programme/DistrictProgrammePage.js').then((m) => ({ default: m.DistrictProgrammePage })),
);
const ProblemListPage = lazy(() =>
  import('./features/programme/ProblemListPage.js').then((m) => ({ default: m.ProblemListPage })),
);
const ProblemFormPage = lazy(() =>
  import('./features/programme/ProblemFormPage.js').then((m) => ({ default: m.ProblemFormPage })),
);
const ProblemPage = lazy(() => import('./features/programme/ProblemPage.js').then((m) => ({ default: m.ProblemPage })));
const MeasureFormPage = lazy(() =>
  import('./features/programme/MeasureFormPage.js').then((m) => ({ default: m.MeasureFormPage })),
);
const EvaluationPage = lazy(() =>
  import('./features/evaluations/EvaluationPage.js').then((m) => ({ default: m.EvaluationPage })),
);
const NewEvaluationPage = lazy(() =>
  import('./features/evaluations/EvaluationFormPage.js').then((m) => ({ default: m.NewEvaluationPage })),
);
const EditEvaluationPage = lazy(() =>
  import('./features/evaluations/EvaluationFormPage.js').then((m) => ({ default: m.EditEvaluationPage })),
);
const MeasurePage = lazy(() => import('./features/programme/MeasurePage.js').then((m) => ({ default: m.MeasurePage })));
const ProblemEditPage = lazy(() =>
  import('./features/programme/ProblemEditPage.js').then((m) => ({ default: m.ProblemEditPage })),
);
const MeasureEditPage = lazy(() =>
  import('./features/programme/MeasureEditPage.js').then((m) => ({ default: m.MeasureEditPage })),
);
const QualityPage = lazy(() => import('./features/quality/QualityPage.js').then((m) => ({ default: m.QualityPage })));
const CityPage = lazy(() => import('./features/views/CityPage.js').then((m) => ({ default: m.CityPage })));
const UnitPage = lazy(() => import('./features/views/UnitPage.js').then((m) => ({ default: m.UnitPage })));
const AgreementsPage = lazy(() =>
  import('./features/agreements/AgreementsPage.js').then((m) => ({ default: m.AgreementsPage })),
);
const PublicAgreementsPage = lazy(() =>
  import('./features/agreements/PublicAgreementsPage.js').then((m) => ({ default: m.PublicAgreementsPage })),
);
const AgreementFormPage = lazy(() =>
  import('./features/agreements/AgreementFormPage.js').then((m) => ({ default: m.AgreementFormPage })),
);
const AgreementReviewPage = lazy(() =>
  import('./features/agreements/AgreementReviewPage.js').then((m) => ({ default: m.AgreementReviewPage })),
);
const WalksPage = lazy(() => import('./features/walks/WalksPage.js').then((m) => ({ default: m.WalksPage })));
const WalkCapturePage = lazy(() =>
  import('./features/walks/WalkCapturePage.js').then((m) => ({ default: m.WalkCapturePage })),
);
const WalkReportPage = lazy(() =>
  import('./features/walks/WalkReportPage.js').then((m) => ({ default: m.WalkReportPage })),
);
const WalkChecklistPage = lazy(() =>
  import('./features/walks/WalkChecklistPage.js').then((m) => ({ default: m.WalkChecklistPage })),
);
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage.js').then((m) => ({ default: m.SurveysPage })));
const SurveyAreaPage = lazy(() =>
  import('./features/surveys/SurveyAreaPage.js').then((m) => ({ default: m.SurveyAreaPage })),
);
const SurveyImportPage = lazy(() =>
  import('./features/surveys/SurveyImportPage.js').then((m) => ({ default: m.SurveyImportPage })),
);
const ReportingPage = lazy(() =>
  import('./features/reporting/ReportingPage.js').then((m) => ({ default: m.ReportingPage })),
);
const PeriodPage = lazy(() => import('./features/reporting/PeriodPage.js').then((m) => ({ default: m.PeriodPage })));
const FollowupPage = lazy(() =>
  import('./features/reporting/FollowupPage.js').then((m) => ({ default: m.FollowupPage })),
);
const CompiledReportPage = lazy(() =>
  import('./features/reporting/CompiledReportPage.js').then((m) => ({ default: m.CompiledReportPage })),
);
const LawDocumentsPage = lazy(() =>
  import('./features/law-documents/LawDocumentsPage.js').then((m) => ({ default: m.LawDocumentsPage })),
);
const LawDocumentPage = lazy(() =>
  import('./features/law-documents/LawDocumentPage.js').then((m) => ({ default: m.LawDocumentPage })),
);
const ProgrammesPage = lazy(() =>
  import('./features/programmes/ProgrammesPage.js').then((m) => ({ default: m.ProgrammesPage })),
);
const ProgrammeVersionPage = lazy(() =>
  import('./features/programmes/ProgrammeVersionPage.js').then((m) => ({ default: m.ProgrammeVersionPage })),
);
const ProgrammeComparePage = lazy(() =>
  import('./features/programmes/ProgrammeComparePage.js').then((m) => ({ default: m.ProgrammeComparePage })),
);
const ProgrammeEditPage = lazy(() =>
  import('./features/programmes/ProgrammeEditPage.js').then((m) => ({ default: m.ProgrammeEditPage })),
);
const VersionConsultationPage = lazy(() =>
  import('./features/consultations/VersionConsultationPage.js').then((m) => ({ default: m.VersionConsultationPage })),
);
const ConsultationRoundPage = lazy(() =>
  import('./features/consultations/ConsultationRoundPage.js').then((m) => ({ default: m.ConsultationRoundPage })),
);
const MyConsultationsPage = lazy(() =>
  import('./features/consultations/MyConsultationsPage.js').then((m) => ({ default: m.MyConsultationsPage })),
);
const ConsultationResponsePage = lazy(() =>
  import('./features/consultations/ConsultationResponsePage.js').then((m) => ({ default: m.ConsultationResponsePage })),
);
const AnnualPage = lazy(() => import('./features/annual/AnnualPage.js').then((m) => ({ default: m.AnnualPage })));
const ResponsibilityPage = lazy(() =>
  import('./features/responsibility/ResponsibilityPage.js').then((m) => ({ default: m.ResponsibilityPage })),
);
const ServiceLevelsPage = lazy(() =>
  import('./features/responsibility/ServiceLevelsPage.js').then((m) => ({ default: m.ServiceLevelsPage })),
);
const ImportPage = lazy(() => import('./features/imports/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const LoginPage = lazy(() => import('./features/auth/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() =>
  import('./features/auth/ChangePasswordPage.js').then((m) => ({ default: m.ChangePasswordPage })),
);

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound'));
  return (
    <div className="page">
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to="/">{t('app.home')}</Link>
      </p>
    </div>
  );
}

/** The element of every page of PAGES: a page is added there (with its policy) and here. */
const ELEMENTS: Record<PagePath, ReactNode> = {
  '': <StartPage />,
  'districts/:id': page(<DistrictPage />),
  'districts/:id/situation': page(<SituationPage />),
  situation: page(<SituationPage />),
  'situation/reports/:id': page(<FrozenReportPage />),
  inbox: page(<InboxPage />),
  'districts/:id/programme': page(<DistrictProgrammePage />),
  'districts/:id/problems': page(<ProblemListPage />),
  'districts/:id/problems/new': page(<ProblemFormPage />),
  'problems/:id': page(<ProblemPage />),
  'problems/:id/edit': page(<ProblemEditPage />),
  'measures/new': page(<MeasureFormPage />),
  'measures/:id': page(<MeasurePage />),
  'measures/:id/edit': page(<MeasureEditPage />),
  'measures/:id/evaluations/new': page(<NewEvaluationPage />),
  'evaluations/:id': page(<EvaluationPage />),
  'evaluations/:id/edit': page(<EditEvaluationPage />),
  places: page(<PlacesPage />),
  'places/:id': page(<PlaceDetailPage />),
  report: page(<ReportPage />),
  'report/confirm': page(<ConfirmContactPage />),
  follow: page(<FollowPage />),
  'follow/:code': page(<FollowPage />),
  'incidents/:id': page(<IncidentDetailPage />),
  tillganglighet: page(<AccessibilityPage />),
  personuppgifter: page(<ProcessingRecordPage />),
  'admin/audit': page(<AuditPage />),
  'admin/records': page(<RecordsPage />),
  'admin/users': page(<UsersPage />),
  'admin/retention': page(<RetentionPage />),
  'admin/jobs': page(<JobsPage />),
  city: page(<CityPage />),
  quality: page(<QualityPage />),
  annual: page(<AnnualPage />),
  units: page(<UnitPage />),
  'units/:id': page(<UnitPage />),
  agreements: page(<AgreementsPage />),
  'agreements/new': page(<AgreementFormPage />),
  'agreements/:id/edit': page(<AgreementFormPage />),
  'agreements/:id/review': page(<AgreementReviewPage />),
  overenskommelser: page(<PublicAgreementsPage />),
  programmes: page(<ProgrammesPage />),
  'programmes/compare': page(<ProgrammeComparePage />),
  'programmes/versions/:id': page(<ProgrammeVersionPage />),
  'programmes/versions/:id/edit': page(<ProgrammeEditPage />),
  'programmes/versions/:id/consultation': page(<VersionConsultationPage />),
  'programmes/consultations/:id': page(<ConsultationRoundPage />),
  'programmes/responses': page(<MyConsultationsPage />),
  'programmes/responses/:id': page(<ConsultationResponsePage />),
  'programmes/reporting': page(<ReportingPage />),
  'programmes/reporting/:id': page(<PeriodPage />),
  'programmes/reporting/:id/report': page(<CompiledReportPage />),
  'programmes/reporting/:id/units/:unitId': page(<FollowupPage />),
  'law-documents': page(<LawDocumentsPage />),
  'districts/:id/law-documents': page(<LawDocumentsPage />),
  'law-documents/:id': page(<LawDocumentPage />),
  surveys: page(<SurveysPage />),
  'surveys/import': page(<SurveyImportPage />),
  'survey-areas/:id': page(<SurveyAreaPage />),
  walks: page(<WalksPage />),
  'walks/checklist': page(<WalkChecklistPage />),
  'walks/:id/capture': page(<WalkCapturePage />),
  'walks/:id/report': page(<WalkReportPage />),
  responsibility: page(<ResponsibilityPage />),
  'service-levels': page(<ServiceLevelsPage />),
  imports: page(<ImportPage />),
  login: page(<LoginPage />),
  'account/password': page(<ChangePasswordPage />),
};

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...(Object.keys(PAGES) as PagePath[]).map((path) => {
        // biome-ignore lint/correctness/useJsxKeyInIterable: the element goes into a route object, not a rendered list
        const element = <PageGate access={PAGES[path]}>{ELEMENTS[path]}</PageGate>;
        return path === '' ? { index: true, element } : { path, element };
      }),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
