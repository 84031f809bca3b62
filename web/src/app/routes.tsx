import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

// Every page is its own chunk; the panorama and the enterprise graph pull React Flow and ELK, the
// map page ECharts, each only when opened.
const Home = lazy(() => import('../home/Home'));
const PanoramaPage = lazy(() => import('../panorama/PanoramaPage'));
const WherePage = lazy(() => import('../where/WherePage'));
const EnterprisePage = lazy(() => import('../enterprise/EnterprisePage'));
const PipelinePage = lazy(() => import('../pipeline/PipelinePage'));
const ReportPage = lazy(() => import('../report/ReportPage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const BulletinPage = lazy(() => import('../bulletin/BulletinPage'));
const SearchPage = lazy(() => import('../search/SearchPage'));
const SignInPage = lazy(() => import('../auth/SignInPage'));
const NotFound = lazy(() => import('./NotFound'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'chain', element: <PanoramaPage /> },
      { path: 'where', element: <WherePage /> },
      { path: 'enterprise/:key', element: <EnterprisePage /> },
      { path: 'pipeline', element: <PipelinePage /> },
      { path: 'report', element: <ReportPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'bulletin', element: <BulletinPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
