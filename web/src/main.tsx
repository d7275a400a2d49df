import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.tsx';
import './styles.css';

// Each page is its own chunk, loaded when first visited: the first page carries React, the router and its
// own code only, and ECharts travels with the pages that draw charts.
const page =
  <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', lazy: page(() => import('./pages/Plans.tsx'), 'Plans') },
      { path: '/log-ind', lazy: page(() => import('./pages/Login.tsx'), 'Login') },
      { path: '/planer/:id', lazy: page(() => import('./pages/plan/Plan.tsx'), 'Plan') },
      { path: '/runder/:id', lazy: page(() => import('./pages/Round.tsx'), 'Round') },
      { path: '/indikatorer/:id', lazy: page(() => import('./pages/Indicator.tsx'), 'Indicator') },
      { path: '/benchmark', lazy: page(() => import('./pages/Benchmark.tsx'), 'Benchmark') },
      { path: '/ydelsesgrupper', lazy: page(() => import('./pages/BenefitGroups.tsx'), 'BenefitGroups') },
      { path: '/administration', lazy: page(() => import('./pages/Admin.tsx'), 'Admin') },
      { path: '/statistik', lazy: page(() => import('./pages/Statistics.tsx'), 'Statistics') },
      { path: '/maal', lazy: page(() => import('./pages/Measures.tsx'), 'Measures') },
      { path: '/konto', lazy: page(() => import('./pages/Account.tsx'), 'Account') },
      { path: '/offentlig/:code/:slug', lazy: page(() => import('./pages/Public.tsx'), 'Public') },
      { path: '*', element: <p>Siden findes ikke.</p> },
    ],
  },
]);

const client = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
