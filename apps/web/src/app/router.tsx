import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { FullPageSpin, NotFoundPage, RouteErrorPage } from './shell/StatusPages';

// Every page is a lazy route, so the first load carries only what the login page needs (issue 5 §4).
// New faces (technician view, customer portal) become sibling branches with their own lazy shells.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Outlet,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('../features/auth/components/LoginPage')).LoginPage }),
      },
      {
        path: 'portal/login',
        lazy: async () => ({
          Component: (await import('../features/portal/components/PortalLoginPage')).PortalLoginPage,
        }),
      },
      {
        path: 'survey/:token',
        lazy: async () => ({
          Component: (await import('../features/portal/components/SurveyPage')).SurveyPage,
        }),
      },
      {
        path: 'portal',
        lazy: async () => ({
          Component: (await import('../features/portal/components/PortalHomePage')).PortalHomePage,
        }),
      },
      {
        lazy: async () => ({ Component: (await import('./shell/ProtectedShell')).ProtectedShell }),
        children: [
          { index: true, element: <Navigate to="/work-orders" replace /> },
          {
            path: 'work-orders',
            lazy: async () => ({
              Component: (await import('../features/work-orders/components/WorkOrderListPage'))
                .WorkOrderListPage,
            }),
          },
          {
            path: 'work-orders/:id',
            lazy: async () => ({
              Component: (await import('../features/work-order-detail/components/WorkOrderPage'))
                .WorkOrderPage,
            }),
          },
          {
            path: 'tech',
            lazy: async () => ({
              Component: (await import('../features/technician/components/TechJobsPage')).TechJobsPage,
            }),
          },
          {
            path: 'dispatch',
            lazy: async () => ({
              Component: (await import('../features/dispatch/components/DispatchBoardPage'))
                .DispatchBoardPage,
            }),
          },
          {
            path: 'service-requests/new',
            lazy: async () => ({
              Component: (await import('../features/intake/components/IntakePage')).IntakePage,
            }),
          },
          {
            path: 'service-requests',
            lazy: async () => ({
              Component: (await import('../features/service-requests/components/RequestListPage'))
                .RequestListPage,
            }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
