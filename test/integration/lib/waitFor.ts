import type { Table } from '../../../src/main/core'

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export function waitForSize(table: Table, size: number, timeoutMs?: number): Promise<void> {
  return waitFor(() => table.size >= size, `${size} rows in '${table.topic}' (have ${table.size})`, timeoutMs)
}

/** Closes every table opened through `track` after each test. */
export function tableTracker() {
  const open: Table[] = []
  return {
    track<T extends Table>(table: T): T {
      open.push(table)
      return table
    },
    async closeAll(): Promise<void> {
      await Promise.all(open.splice(0).map((t) => t.close()))
    }
  }
}
