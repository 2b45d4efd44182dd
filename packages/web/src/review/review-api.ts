// The review routes, typed (docs/server.md "consensus review"; packages/server/src/review/).
import type { NextTask, ProjectDetail, ReviewView, Worklist } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import type { Content } from './consensus-content.js';

export interface EditAnswer {
  version: number;
  /** How many approvals the edit withdrew. */
  withdrawn: number;
}

export interface CopyRequest {
  /** The reader's pseudonym (R2). */
  from: string;
  /** One box of the read (0-based); all its boxes when left out. */
  boxIndex?: number;
  /** Also the read's global labels. */
  globals?: boolean;
}

const task = (id: number) => `/api/tasks/${seg(id)}`;

export const reviewApi = {
  view: (taskId: number, signal?: AbortSignal) => api.get<ReviewView>(`${task(taskId)}/review`, signal !== undefined ? { signal } : undefined),
  project: (key: string) => api.get<ProjectDetail>(`/api/projects/${seg(key)}`),
  /** Starts and returns the caller's next review task (the one in progress first). */
  next: (key: string) => api.get<NextTask>(`/api/projects/${seg(key)}/tasks/next?kind=review`),
  worklist: (key: string, status: 'pending' | 'in_progress') => api.get<Worklist>(`/api/projects/${seg(key)}/tasks?kind=review&status=${status}&limit=50`),
  save: (taskId: number, version: number, content: Content, keepalive = false) =>
    api.put<EditAnswer>(`${task(taskId)}/consensus`, { version, globals: content.globals, boxes: content.boxes }, keepalive ? { keepalive } : undefined),
  copy: (taskId: number, version: number, request: CopyRequest) => api.post<EditAnswer & { copied: { boxes: number; globals: number } }>(`${task(taskId)}/copy`, { version, ...request }),
  approve: (taskId: number, version: number) => api.post<{ approved: boolean; final: boolean }>(`${task(taskId)}/approve`, { version }),
  withdraw: (taskId: number) => api.post<{ withdrawn: boolean }>(`${task(taskId)}/withdraw`),
};
