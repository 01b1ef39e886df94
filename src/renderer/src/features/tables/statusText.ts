// Short, stable number formats for the tab header (English grouping whatever the locale, so tests can read them).

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** 1234567 → '1,234,567'. Whole numbers are grouped by hand: the grid writes one per row it draws, and Intl is slower. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return grouped.format(n)
  const digits = String(n)
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3)
  return out
}

/** Rows a second: '0', '950', '12.3k', '1.2M'. */
export function formatRate(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0'
  if (n < 1000) return n < 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n))
  if (n < 1_000_000) return `${trim(n / 1000)}k`
  return `${trim(n / 1_000_000)}M`
}

/** Bytes a second: '0 B', '512 B', '12.3 KB', '4.5 MB'. */
export function formatByteRate(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 B'
  if (n < 1024) return `${Math.round(n)} B`
  if (n < 1024 * 1024) return `${trim(n / 1024)} KB`
  return `${trim(n / (1024 * 1024))} MB`
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '')
}

export interface PartitionLag {
  readonly partition: number
  readonly lag: number
}

/** Total lag over partitions. */
export function totalLag(partitions: readonly PartitionLag[]): number {
  return partitions.reduce((sum, p) => sum + Math.max(0, p.lag), 0)
}

/** 'p0 0 · p1 12' (at most `max` partitions, then '+N more'). */
export function lagByPartition(partitions: readonly PartitionLag[], max = 8): string {
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition)
  const shown = sorted.slice(0, max).map((p) => `p${p.partition} ${formatCount(Math.max(0, p.lag))}`)
  if (sorted.length > max) shown.push(`+${sorted.length - max} more`)
  return shown.join(' · ')
}
