import type { Problems } from './errors'
import { showValue } from './secrets'

/** Largest accepted number: Java's int maximum, which is also the longest delay Node's timers support. */
export const MAX_INT = 2_147_483_647

/**
 * Typed access to a property map. Each reader records a problem (naming the key) for a value it cannot use
 * and returns `undefined`; `null` and `undefined` values count as unset.
 */
export class PropertyReader {
  private readonly values: ReadonlyMap<string, unknown>

  constructor(
    entries: Iterable<[string, unknown]>,
    readonly problems: Problems
  ) {
    this.values = new Map(entries)
  }

  /** Every key in the map, in the given order, including keys whose value is null. */
  keys(): string[] {
    return [...this.values.keys()]
  }

  /** Whether the key is present at all, even with a null value. */
  present(key: string): boolean {
    return this.values.has(key) && this.values.get(key) !== undefined
  }

  /** Whether the key has a non-null value. */
  isSet(key: string): boolean {
    return this.raw(key) !== undefined
  }

  /** The value, or `undefined` when absent or null. */
  raw(key: string): unknown {
    const value = this.values.get(key)
    return value === null ? undefined : value
  }

  /** A text value. Numbers are accepted as their decimal text when `allowNumber` is set. */
  string(key: string, opts: { allowNumber?: boolean } = {}): string | undefined {
    const value = this.raw(key)
    if (value === undefined) return undefined
    if (typeof value === 'string') return value
    if (opts.allowNumber && typeof value === 'number' && Number.isFinite(value)) return String(value)
    this.problems.add(key, `must be text, not ${describe(key, value)}.`)
    return undefined
  }

  /** A whole number in [min, MAX_INT], given as a number or as decimal text. */
  int(key: string, min: number): number | undefined {
    const value = this.raw(key)
    if (value === undefined) return undefined
    const unit = key.endsWith('.ms') ? ' of milliseconds' : key.endsWith('.bytes') ? ' of bytes' : ''
    let n: number
    if (typeof value === 'number') {
      n = value
    } else if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) {
      n = Number(value.trim())
    } else {
      this.problems.add(key, `must be a whole number${unit}, not ${describe(key, value)}.`)
      return undefined
    }
    if (!Number.isFinite(n) || !Number.isInteger(n)) {
      this.problems.add(key, `must be a whole number${unit}, not ${showValue(key, value)}.`)
      return undefined
    }
    if (n < 0 && min >= 0) {
      this.problems.add(key, `must not be negative (got ${showValue(key, value)}); use a whole number${unit} of at least ${min}.`)
      return undefined
    }
    if (n < min) {
      this.problems.add(key, `must be at least ${min} (got ${showValue(key, value)}).`)
      return undefined
    }
    if (n > MAX_INT) {
      this.problems.add(key, `must be at most ${MAX_INT} (got ${showValue(key, value)}).`)
      return undefined
    }
    return n
  }

  /**
   * One of a fixed set of text values, matched case-insensitively and ignoring surrounding whitespace.
   * Returns the canonical spelling from `choices`.
   */
  choice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.raw(key)
    if (value === undefined) return undefined
    if (typeof value === 'string') {
      const wanted = value.trim().toLowerCase()
      const found = choices.find((c) => c.toLowerCase() === wanted)
      if (found !== undefined) return found
    }
    this.problems.add(key, `must be one of ${choices.join(', ')}, not ${describe(key, value)}.`)
    return undefined
  }
}

/** A value for a message: its text for plain values, its kind for odd ones. */
export function describe(key: string, value: unknown): string {
  if (typeof value === 'string') return showValue(key, value)
  if (typeof value === 'number') return `the number ${showValue(key, value)}`
  if (typeof value === 'boolean') return `the boolean ${showValue(key, value)}`
  return showValue(key, value)
}
