// Uploading many files: a bounded pool (a few requests in flight, the rest waiting), each file's
// state, and the summary line. Pure: the request itself is passed in.

export type UploadStatus = 'waiting' | 'uploading' | 'added' | 'unchanged' | 'failed';

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  status: UploadStatus;
  /** The image id the server gave (added / unchanged). */
  imageId?: string;
  /** The error code and message (failed). */
  code?: string;
  message?: string;
}

/**
 * Runs `work` on every item with at most `concurrency` running at once, in order of the items. A
 * rejected `work` does not stop the others (its item's state is the worker's business); resolves
 * when all are settled.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch {
        // the worker records failures itself
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export interface UploadSummary {
  total: number;
  finished: number;
  added: number;
  unchanged: number;
  failed: number;
  active: boolean;
}

export function uploadSummary(items: readonly UploadItem[]): UploadSummary {
  const count = (s: UploadStatus) => items.filter((i) => i.status === s).length;
  const added = count('added');
  const unchanged = count('unchanged');
  const failed = count('failed');
  const finished = added + unchanged + failed;
  return { total: items.length, finished, added, unchanged, failed, active: finished < items.length };
}

export function summaryText(s: UploadSummary): string {
  if (s.total === 0) return '';
  const parts = [`${s.added} added`, `${s.unchanged} already there`, `${s.failed} refused or failed`];
  return `${s.finished} of ${s.total} files done: ${parts.join(', ')}.`;
}

/** The upload URL for one file: the split, and the file name (so a 32-hex-digit name is kept as the image id). */
export function uploadPath(key: string, split: 'train' | 'test', fileName: string): string {
  const q = new URLSearchParams({ split });
  if (fileName.length > 0 && fileName.length <= 255) q.set('filename', fileName);
  return `/api/projects/${encodeURIComponent(key)}/images?${q.toString()}`;
}
