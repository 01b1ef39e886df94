const gc = (globalThis as { gc?: () => void }).gc

/** Heap plus array buffers after two full collections; benchmarks run with --expose-gc (scripts/run-bench.mjs). */
export function heldBytes(): number {
  if (!gc) throw new Error('run with node --expose-gc')
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
