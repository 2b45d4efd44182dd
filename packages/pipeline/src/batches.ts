// Work grouped for a worker pool: small items travel together (one message per batch instead of
// per item, so messages between threads do not cost more than the work), large ones alone.

export interface BatchLimits {
  /** Most items in a batch. */
  maxItems: number;
  /** Most bytes in a batch (an item larger than this is a batch of its own). */
  maxBytes: number;
}

/** The items in batches, input order kept, each batch within both limits. */
export function batchBySize<T>(items: readonly T[], sizeOf: (item: T) => number, limits: BatchLimits): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= limits.maxItems || bytes + size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
