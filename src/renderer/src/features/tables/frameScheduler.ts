export interface FrameScheduler {
  /** Run the callback on the next animation frame; more calls before then change nothing. */
  schedule(): void
  cancel(): void
  /** Run the callback now (and drop a scheduled run): for answers the user is waiting for. */
  flush(): void
  readonly pending: boolean
}

export interface FrameApi {
  request(callback: () => void): number
  cancel(handle: number): void
}

const browserFrames: FrameApi = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle)
}

/** Coalesces any number of "something changed" into one callback per animation frame. */
export function createFrameScheduler(callback: () => void, frames: FrameApi = browserFrames): FrameScheduler {
  let handle: number | null = null
  return {
    schedule() {
      if (handle !== null) return
      handle = frames.request(() => {
        handle = null
        callback()
      })
    },
    cancel() {
      if (handle !== null) frames.cancel(handle)
      handle = null
    },
    flush() {
      if (handle !== null) frames.cancel(handle)
      handle = null
      callback()
    },
    get pending() {
      return handle !== null
    }
  }
}
