/**
 * Test support: an in-memory `Storage` shared by several "tabs". Each tab is a view of the same items;
 * a write through one view is announced to the other views' listeners, as the browser's `storage` event
 * is (never to the tab that wrote). A quota in characters makes writes fail the way a full
 * localStorage does.
 */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  /** Characters (keys and values) the storage holds at most. */
  quota = Number.POSITIVE_INFINITY;
  /** Every successful write, in order: [key, value]. */
  readonly writes: [string | null, string | null][] = [];
  private readonly views: {
    storage: Storage;
    listener: ((key: string | null, value: string | null) => void) | null;
  }[] = [];

  used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }

  /** Fills the storage: from now on, any write that makes it larger fails. */
  fill(): void {
    this.quota = this.used();
  }

  /** A tab's view. `listen` receives the other tabs' writes. */
  tab(): { storage: Storage; listen: (listener: (key: string | null, value: string | null) => void) => void } {
    const view: (typeof this.views)[number] = { storage: this.view(() => view), listener: null };
    this.views.push(view);
    return { storage: view.storage, listen: (listener) => (view.listener = listener) };
  }

  private announce(from: object, key: string | null, value: string | null): void {
    this.writes.push([key, value]);
    for (const v of this.views) if (v !== from && v.listener) v.listener(key, value);
  }

  private view(self: () => object): Storage {
    const items = this.items;
    return {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        const grows = key.length + value.length - (items.has(key) ? key.length + (items.get(key)?.length ?? 0) : 0);
        if (grows > 0 && this.used() + grows > this.quota)
          throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
        items.set(key, value);
        this.announce(self(), key, value);
      },
      removeItem: (key: string) => {
        if (!items.delete(key)) return;
        this.announce(self(), key, null);
      },
      clear: () => {
        items.clear();
        this.announce(self(), null, null);
      },
    };
  }
}
