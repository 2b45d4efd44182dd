// Non-blocking messages (API errors, "saved elsewhere" notes): a tiny store any component can push to,
// shown by <ToastHost />. Errors stay longer; the same message twice in a row is shown once, counted.
import { useSyncExternalStore } from 'react';

export type ToastKind = 'error' | 'warning' | 'info' | 'ok';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** Shown again while still on screen: the count. */
  count: number;
}

const LIFETIME: Record<ToastKind, number> = { error: 10_000, warning: 8_000, info: 4_000, ok: 3_000 };
const MAX_SHOWN = 4;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function set(next: readonly Toast[]): void {
  toasts = next;
  for (const l of listeners) l();
}

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  set(toasts.filter((t) => t.id !== id));
}

function arm(id: number, kind: ToastKind): void {
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => dismissToast(id), LIFETIME[kind]));
}

/** Shows a message; returns its id. */
export function showToast(kind: ToastKind, message: string): number {
  const same = toasts.find((t) => t.kind === kind && t.message === message);
  if (same !== undefined) {
    set(toasts.map((t) => (t.id === same.id ? { ...t, count: t.count + 1 } : t)));
    arm(same.id, kind);
    return same.id;
  }
  const toast: Toast = { id: nextId++, kind, message, count: 1 };
  const kept = toasts.slice(-(MAX_SHOWN - 1));
  for (const t of toasts) if (!kept.includes(t)) dismissToast(t.id);
  set([...kept, toast]);
  arm(toast.id, kind);
  return toast.id;
}

/** An error of any kind as a toast: an ApiError's message, or the error's. */
export function toastError(error: unknown, prefix?: string): number {
  const message = error instanceof Error ? error.message : String(error);
  return showToast('error', prefix === undefined ? message : `${prefix}: ${message}`);
}

export const toast = {
  error: (message: string) => showToast('error', message),
  warning: (message: string) => showToast('warning', message),
  info: (message: string) => showToast('info', message),
  ok: (message: string) => showToast('ok', message),
};

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useToasts = (): readonly Toast[] => useSyncExternalStore(subscribe, () => toasts);
