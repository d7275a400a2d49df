import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Account } from './pages/Account.tsx';
import { Admin } from './pages/Admin.tsx';
import { Benchmark } from './pages/Benchmark.tsx';
import { BenefitGroups } from './pages/BenefitGroups.tsx';
import { Indicator } from './pages/Indicator.tsx';
import { Login } from './pages/Login.tsx';
import { Measures } from './pages/Measures.tsx';
import { Plan } from './pages/Plan.tsx';
import { Plans } from './pages/Plans.tsx';
import { Public } from './pages/Public.tsx';
import { Round } from './pages/Round.tsx';
import { Statistics } from './pages/Statistics.tsx';
import './styles.css';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Plans /> },
      { path: '/log-ind', element: <Login /> },
      { path: '/planer/:id', element: <Plan /> },
      { path: '/runder/:id', element: <Round /> },
      { path: '/indikatorer/:id', element: <Indicator /> },
      { path: '/benchmark', element: <Benchmark /> },
      { path: '/ydelsesgrupper', element: <BenefitGroups /> },
      { path: '/administration', element: <Admin /> },
      { path: '/statistik', element: <Statistics /> },
      { path: '/maal', element: <Measures /> },
      { path: '/konto', element: <Account /> },
      { path: '/offentlig/:code/:slug', element: <Public /> },
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
