const WINDOW_MS = 2000

/** Rows and bytes per second over the last two seconds of samples. */
export class RateMeter {
  private readonly samples: { time: number; rows: number; bytes: number }[] = []
  rowsPerSecond = 0
  bytesPerSecond = 0

  sample(totalRows: number, totalBytes: number, now = Date.now()): void {
    this.samples.push({ time: now, rows: totalRows, bytes: totalBytes })
    while (this.samples.length > 2 && now - this.samples[1].time >= WINDOW_MS) this.samples.shift()
    const first = this.samples[0]
    const seconds = (now - first.time) / 1000
    this.rowsPerSecond = seconds > 0 ? (totalRows - first.rows) / seconds : 0
    this.bytesPerSecond = seconds > 0 ? (totalBytes - first.bytes) / seconds : 0
  }
}
