// The top bar (app name, worklist, admin, the user) above every page.
import type { ReactNode } from 'react';
import { useSession, useUser } from '../auth/session.js';
import { Link } from './Link.js';
import { useLocation } from './router.js';

export function Layout({ fullScreen, children }: { fullScreen: boolean; children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { path } = useLocation();
  const current = (prefix: string) => (prefix === '/' ? path === '/' : path.startsWith(prefix)) ? 'page' : undefined;
  return (
    <div className={fullScreen ? 'shell shell-full' : 'shell'}>
      <header className="topbar">
        <Link href="/" className="brand">
          cxrlab
        </Link>
        <nav aria-label="Main">
          <Link href="/" aria-current={current('/')}>
            Worklist
          </Link>
          <Link href="/admin" aria-current={path.startsWith('/admin/users') ? undefined : current('/admin')}>
            Projects
          </Link>
          {user.isAdmin && (
            <Link href="/admin/users" aria-current={current('/admin/users')}>
              Users
            </Link>
          )}
        </nav>
        <span className="spacer" />
        <span className="muted" data-testid="signed-in-as">
          {user.displayName || user.username}
        </span>
        <button type="button" className="ghost" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      {children}
    </div>
  );
}
