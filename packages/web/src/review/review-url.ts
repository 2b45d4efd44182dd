// The review view's address: /review/KEY?task=ID (or /review/KEY: the caller's next review task).
import { seg } from '../api/client.js';

export const reviewUrl = (projectKey: string, taskId?: number): string => `/review/${seg(projectKey)}${taskId !== undefined ? `?task=${taskId}` : ''}`;
