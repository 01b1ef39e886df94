/** Cache of promises: entries in flight are shared; resolved entries live `ttl` ms; failures are dropped. */
export class PromiseCache<T> {
  private readonly map = new Map<string, { promise: Promise<T>; expires: number }>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key)
    if (hit && hit.expires > this.now()) return hit.promise
    const entry = { promise: load(), expires: Infinity }
    this.map.set(key, entry)
    entry.promise.then(
      () => {
        if (this.map.get(key) !== entry) return
        if (this.ttlMs <= 0) this.map.delete(key)
        else entry.expires = this.now() + this.ttlMs
      },
      () => {
        if (this.map.get(key) === entry) this.map.delete(key)
      }
    )
    return entry.promise
  }

  /** Seeds a resolved value unless the key is already there. */
  seed(key: string, value: T): void {
    if (!this.map.has(key)) this.map.set(key, { promise: Promise.resolve(value), expires: this.now() + this.ttlMs })
  }

  deleteWhere(pred: (key: string) => boolean): void {
    for (const key of [...this.map.keys()]) if (pred(key)) this.map.delete(key)
  }

  clear(): void {
    this.map.clear()
  }
}
