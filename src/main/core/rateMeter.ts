const WINDOW_MS = 2000
/** Shorter spans are counted as this long: 2 rows 3 ms after the start are 2 rows/s so far, not 667 rows/s. */
const MIN_SPAN_MS = 1000

/** Rows and bytes per second over the last two seconds of samples. */
export class RateMeter {
  private readonly samples: { time: number; rows: number; bytes: number }[] = []
  rowsPerSecond = 0
  bytesPerSecond = 0

  sample(totalRows: number, totalBytes: number, now = Date.now()): void {
    this.samples.push({ time: now, rows: totalRows, bytes: totalBytes })
    while (this.samples.length > 2 && now - this.samples[1].time >= WINDOW_MS) this.samples.shift()
    const first = this.samples[0]
    const seconds = Math.max(now - first.time, MIN_SPAN_MS) / 1000
    this.rowsPerSecond = (totalRows - first.rows) / seconds
    this.bytesPerSecond = (totalBytes - first.bytes) / seconds
  }
}
