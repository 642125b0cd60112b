import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.js';
import { DistrictPage } from './features/areas/DistrictPage.js';
import { StartPage } from './features/areas/StartPage.js';
import { ReportPage } from './features/incidents/ReportPage.js';
import { PlaceDetailPage } from './features/places/PlaceDetailPage.js';
import { PlacesPage } from './features/places/PlacesPage.js';

function NotFound() {
  const { t } = useTranslation();
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
      { path: 'districts/:id', element: <DistrictPage /> },
      { path: 'places', element: <PlacesPage /> },
      { path: 'places/:id', element: <PlaceDetailPage /> },
      { path: 'report', element: <ReportPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
