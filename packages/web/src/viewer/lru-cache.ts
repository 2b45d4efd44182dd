// A small least-recently-used map (Map keeps insertion order: a hit moves the entry to the end). Pure.
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LRU capacity must be >= 1, got ${capacity}`);
  }

  get size(): number {
    return this.#map.size;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  /** The value without touching its recency. */
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  /** Stores the value as the most recently used; returns what was evicted to make room. */
  set(key: K, value: V): [K, V][] {
    this.#map.delete(key);
    this.#map.set(key, value);
    const evicted: [K, V][] = [];
    while (this.#map.size > this.capacity) {
      const oldest = this.#map.keys().next().value as K;
      evicted.push([oldest, this.#map.get(oldest)!]);
      this.#map.delete(oldest);
    }
    return evicted;
  }

  delete(key: K): boolean {
    return this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
  }

  keys(): K[] {
    return [...this.#map.keys()];
  }
}
