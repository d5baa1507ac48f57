/**
 * A small in-process cache for values that are costly to compute and may be a little stale
 * (front-page figures, suggestions). Oldest entries go first once `maxEntries` is reached.
 */
export function ttlCache<K, V>(options: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<K, { at: number; value: V }>();
  return {
    async get(key: K, compute: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < options.ttlMs) return hit.value;
      const value = await compute();
      entries.delete(key);
      entries.set(key, { at: Date.now(), value });
      if (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value as K;
        entries.delete(oldest);
      }
      return value;
    },
    forget(key: K) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
