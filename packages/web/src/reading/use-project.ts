// The project (schema with labels, rules) for the reading view, fetched once per key.
import { useEffect, useState } from 'react';
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

export function useProject(projectKey: string): Loadable<ProjectDetail> {
  const [state, setState] = useState<Loadable<ProjectDetail> & { key?: string }>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.get<ProjectDetail>(`/api/projects/${seg(projectKey)}`, { signal: controller.signal }).then(
      (value) => setState({ status: 'ready', value, key: projectKey }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [projectKey]);
  return state.status === 'ready' && state.key !== projectKey ? { status: 'loading' } : state;
}
