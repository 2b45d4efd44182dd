// Who is signed in: loaded once from GET /api/auth/me (which also gives the CSRF token after a reload).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PublicUser } from '@cxrlab/server/api-types';
import { api, onSessionLost, setCsrfToken } from '../api/client.js';

interface SessionState {
  user: PublicUser | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<PublicUser | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(undefined);
      setUser(null);
    });
    api
      .get<{ user: PublicUser; csrfToken?: string }>('/api/auth/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await api.post<{ user: PublicUser; csrfToken: string }>('/api/auth/login', { username, password });
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
  }, []);
  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, loading, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (pages below the login gate only). */
export function useUser(): PublicUser {
  const { user } = useSession();
  if (user === null) throw new Error('useUser without a signed-in user');
  return user;
}
