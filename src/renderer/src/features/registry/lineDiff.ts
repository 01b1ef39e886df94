/** A line of a diff between two texts, with its 1-based line number in the old (a) and/or new (b) text. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
  a?: number
  b?: number
}

/** Above this many cells (lines of a × lines of b, after trimming common ends) the diff gives up on the LCS. */
const MAX_CELLS = 25_000_000

/**
 * A line-based diff (longest common subsequence): unchanged lines, lines only in `a` (removed) and lines only
 * in `b` (added), in reading order, removals before additions at each change.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const out: DiffLine[] = []
  for (let i = 0; i < start; i++) out.push({ kind: 'same', text: a[i]!, a: i + 1, b: i + 1 })
  out.push(...middle(a, b, start, endA, start, endB))
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ kind: 'same', text: a[i]!, a: i + 1, b: j + 1 })
  return out
}

function middle(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): DiffLine[] {
  const n = a1 - a0
  const m = b1 - b0
  const removed = (i: number): DiffLine => ({ kind: 'removed', text: a[i]!, a: i + 1 })
  const added = (j: number): DiffLine => ({ kind: 'added', text: b[j]!, b: j + 1 })
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    const out: DiffLine[] = []
    for (let i = a0; i < a1; i++) out.push(removed(i))
    for (let j = b0; j < b1; j++) out.push(added(j))
    return out
  }
  // lcs[i][j]: LCS length of a[a0+i..a1) and b[b0+j..b1), row-major with width m+1.
  const width = m + 1
  const lcs = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[a0 + i] === b[b0 + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  const pendingAdded: DiffLine[] = []
  const flush = (): void => {
    out.push(...pendingAdded.splice(0))
  }
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      flush()
      out.push({ kind: 'same', text: a[a0 + i]!, a: a0 + i + 1, b: b0 + j + 1 })
      i++
      j++
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push(removed(a0 + i++))
    } else {
      pendingAdded.push(added(b0 + j++))
    }
  }
  while (i < n) out.push(removed(a0 + i++))
  flush()
  while (j < m) out.push(added(b0 + j++))
  return out
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const l of lines) {
    if (l.kind === 'added') added++
    else if (l.kind === 'removed') removed++
  }
  return { added, removed }
}
