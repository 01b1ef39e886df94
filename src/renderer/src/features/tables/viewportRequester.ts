// Which rows the grid asks the engine for, and how often (Deephaven's IrisGridTableModelTemplate.setViewport:
// padded by a page each way, de-duplicated, one request in flight, optionally throttled).

/** Rows [first, last) of a view. */
export interface RowRange {
  readonly first: number
  readonly last: number
  /** 'end': the grid sits at the view's end; the engine keeps sending its last rows as they arrive. */
  readonly anchor?: 'end'
}

/** The contract's limit on one viewport. */
export const MAX_VIEWPORT_ROWS = 2000

/** The visible rows plus one page above and one below, at most `maxRows` rows. */
export function paddedWindow(visible: RowRange, maxRows = MAX_VIEWPORT_ROWS): RowRange {
  const count = Math.max(1, visible.last - visible.first)
  if (count >= maxRows) return { first: visible.first, last: visible.first + maxRows }
  const pad = Math.min(count, Math.floor((maxRows - count) / 2))
  const first = Math.max(0, visible.first - pad)
  return { first, last: first + Math.min(maxRows, visible.first - first + count + pad) }
}

export function covers(window: RowRange, visible: RowRange): boolean {
  return window.first <= visible.first && visible.last <= window.last
}

function overlaps(a: RowRange, b: RowRange): boolean {
  return a.first < b.last && b.first < a.last
}

function sameRange(a: RowRange | null, b: RowRange | null): boolean {
  return a !== null && b !== null && a.first === b.first && a.last === b.last && a.anchor === b.anchor
}

/** The visible rows plus a page above, anchored at the view's end. */
export function tailWindow(visible: RowRange, maxRows = MAX_VIEWPORT_ROWS): RowRange {
  const count = Math.max(1, visible.last - visible.first)
  const size = Math.min(maxRows, count * 2)
  return { first: Math.max(0, visible.last - size), last: visible.last, anchor: 'end' }
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now()
}

export interface ViewportRequesterOptions {
  /** Asks the engine for these rows and applies the answer; the requester waits for it before sending again. */
  send(window: RowRange): Promise<unknown>
  /** Least time between two requests (default 0: one in flight is the only limit, so a jump costs one round trip). */
  minIntervalMs?: number
  timers?: Timers
  onError?(error: unknown): void
}

/**
 * Turns "these rows are visible" (every scroll frame) into few setViewport calls: nothing while the last
 * window asked for still covers the visible rows; otherwise a padded window, at most one in flight and one
 * per `minIntervalMs`, the latest wish winning. A jump to rows far from the last window first asks for the
 * visible rows alone, then for the padding.
 */
export class ViewportRequester {
  private target: RowRange | null = null
  /** A jump's visible rows alone, asked for before the padded target: a third of the answer to wait for. */
  private visibleFirst: RowRange | null = null
  private lastSent: RowRange | null = null
  private lastSentAt = -Infinity
  private inFlight = false
  private timer: unknown = null
  private forced = false
  private disposed = false
  private readonly timers: Timers
  private readonly minIntervalMs: number

  constructor(private readonly options: ViewportRequesterOptions) {
    this.timers = options.timers ?? realTimers
    this.minIntervalMs = options.minIntervalMs ?? 0
  }

  /** The window the grid wants (sent or about to be). */
  get window(): RowRange | null {
    return this.target
  }

  /** The grid shows `visible` now. */
  request(visible: RowRange): void {
    if (this.disposed) return
    if (visible.anchor === 'end') {
      // pushes keep a tail window current: only a taller grid needs a new one
      if (this.target?.anchor === 'end' && this.target.last - this.target.first >= Math.min(MAX_VIEWPORT_ROWS, visible.last - visible.first)) return
      this.target = tailWindow(visible)
      this.visibleFirst = null
    } else {
      if (this.target && this.target.anchor !== 'end' && covers(this.target, visible)) return
      this.target = paddedWindow(visible)
      const jump = this.lastSent === null || this.lastSent.anchor === 'end' || !overlaps(this.lastSent, visible)
      this.visibleFirst = jump && this.target.last - this.target.first > visible.last - visible.first ? visible : null
    }
    this.pump()
  }

  /** Ask again for the current window even if it has not moved (the view's spec changed, or a copy borrowed the viewport). */
  refresh(): void {
    if (this.disposed || !this.target) return
    this.forced = true
    this.pump()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private pump(): void {
    if (this.disposed || this.inFlight || this.timer !== null || !this.target) return
    if (!this.forced && this.visibleFirst === null && sameRange(this.target, this.lastSent)) return
    const wait = this.lastSentAt + this.minIntervalMs - this.timers.now()
    if (wait > 0) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null
        this.pump()
      }, wait)
      return
    }
    const window = this.visibleFirst ?? this.target
    this.visibleFirst = null
    this.forced = false
    this.inFlight = true
    this.lastSent = window
    this.lastSentAt = this.timers.now()
    this.options
      .send(window)
      .catch((error: unknown) => {
        if (!this.disposed) this.options.onError?.(error)
      })
      .finally(() => {
        this.inFlight = false
        this.pump()
      })
  }
}
