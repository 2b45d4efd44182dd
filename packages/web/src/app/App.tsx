// The pages, by path. Everything but the login needs a session.
import type { ReactNode } from 'react';
import { LoginPage } from '../auth/LoginPage.js';
import { useSession } from '../auth/session.js';
import { AdminProjectPage } from '../admin/AdminProjectPage.js';
import { AdminProjectsPage } from '../admin/AdminProjectsPage.js';
import { UsersPage } from '../admin/UsersPage.js';
import { ReadingPage } from '../reading/ReadingPage.js';
import { ReviewPage } from '../review/ReviewPage.js';
import { WorklistPage } from '../worklist/WorklistPage.js';
import { Layout } from './Layout.js';
import { matchPath, useLocation } from './router.js';

interface Route {
  pattern: string;
  /** Full-screen pages (the reading and review views) get the thin top bar only. */
  fullScreen?: boolean;
  page: (params: Record<string, string>, query: URLSearchParams) => ReactNode;
}

const taskOf = (query: URLSearchParams): number | undefined => {
  const id = Number(query.get('task'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

const ROUTES: Route[] = [
  { pattern: '/', page: () => <WorklistPage /> },
  { pattern: '/read/:key', fullScreen: true, page: (p, q) => <ReadingPage projectKey={p.key!} taskId={taskOf(q)} /> },
  { pattern: '/review/:key', fullScreen: true, page: (p, q) => <ReviewPage projectKey={p.key!} taskId={taskOf(q)} /> },
  { pattern: '/admin', page: () => <AdminProjectsPage /> },
  { pattern: '/admin/projects/:key', page: (p, q) => <AdminProjectPage projectKey={p.key!} tab={q.get('tab') ?? 'overview'} /> },
  { pattern: '/admin/users', page: () => <UsersPage /> },
];

export function App() {
  const { user, loading } = useSession();
  const { path, query } = useLocation();
  if (loading) return <div className="splash" aria-busy="true" />;
  if (user === null) return <LoginPage />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params !== undefined) return <Layout fullScreen={route.fullScreen ?? false}>{route.page(params, query)}</Layout>;
  }
  return (
    <Layout fullScreen={false}>
      <main className="page">
        <h1>Not found</h1>
        <p>
          There is no page at <code>{path}</code>. <a href="/">Back to the worklist</a>
        </p>
      </main>
    </Layout>
  );
}
