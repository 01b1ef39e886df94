import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type { GridModel } from './gridModel'
import type { RowWindow } from './scrollMapping'

/** How long a jump keeps showing the rows that were on screen while the engine sends the new ones. */
export const HOLD_MS = 100

/**
 * The rows the grid draws. A scroll within rows the model holds shows at once; a jump to rows it does not hold keeps
 * the previous rows on screen (at most HOLD_MS) until the answer arrives, so the jump's own frame redraws nothing
 * and the answer is drawn in the frame after it, instead of a frame of empty rows first.
 */
export function useShownRows(wanted: Ref<RowWindow>, model: GridModel, version: Ref<number>, holdMs = HOLD_MS) {
  const shown = shallowRef<RowWindow>(wanted.value)
  let timer: ReturnType<typeof setTimeout> | null = null

  const held = (w: RowWindow) => {
    const last = Math.min(w.last, model.rowCount)
    return last <= w.first || model.hasRange(w.first, last)
  }
  const show = () => {
    if (timer) clearTimeout(timer)
    timer = null
    shown.value = wanted.value
  }

  watch(
    [wanted, version],
    () => {
      if (held(wanted.value) || model.dataVersion < 0) show()
      else if (!timer) timer = setTimeout(show, holdMs)
    },
    { flush: 'sync' }
  )
  onScopeDispose(() => {
    if (timer) clearTimeout(timer)
  })
  return shown
}
