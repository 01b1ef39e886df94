import { markRaw, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { errorMessage } from '../../../../shared/ipc/errors'
import type { ColumnDef } from '../../../../shared/model/columns'
import type { ViewportDataDto, ViewSpecDto } from '../../../../shared/model/views'
import type { Api } from '../../ipc/api'
import { createFrameScheduler, type FrameScheduler } from './frameScheduler'
import { GridModel } from './gridModel'
import type { TableSession } from './tableSession'
import { MAX_VIEWPORT_ROWS, ViewportRequester, type RowRange } from './viewportRequester'

export interface UseTableViewportOptions {
  /** The columns the grid shows (default: all of the table's); only these cross the wire. */
  columns?: readonly ColumnDef[]
  /** The view's sort and filters when it opens (a restored workspace tab). */
  initialSpec?: ViewSpecDto
  /** False while the tab is hidden: data is still applied, the repaint waits until it shows again. */
  active: Ref<boolean>
  api: Pick<Api, 'views'>
  frames?: (callback: () => void) => FrameScheduler
}

/**
 * The data side of a grid (Deephaven's IrisGridTableModelTemplate): opens the tab's view, asks for the
 * visible rows (padded, de-duplicated, one request in flight), applies answers and pushes to a non-reactive GridModel and
 * bumps `version` at most once per animation frame. Closes the view when the scope ends.
 */
export function useTableViewport(session: TableSession, options: UseTableViewportOptions) {
  const { api } = options
  const model = markRaw(new GridModel(options.columns ?? session.info.columns))
  /** Bumped once per frame in which the model changed: the grid re-reads the model. */
  const version = shallowRef(0)
  const rowCount = shallowRef(0)
  const ready = shallowRef(false)
  const error = shallowRef<string | null>(null)

  let viewId: string | null = null
  let disposed = false
  let dirty = false
  let stopPushes: (() => void) | null = null
  let lastVisible: RowRange | null = null
  /** The spec the grid wants; the view opens with it when the grid set one before the view was open. */
  let spec: ViewSpecDto = options.initialSpec ?? { sort: [], filters: [] }

  const repaint = (options.frames ?? createFrameScheduler)(() => {
    if (!options.active.value) {
      dirty = true
      return
    }
    dirty = false
    rowCount.value = model.rowCount
    version.value++
  })

  /** Pushes repaint at the next frame (coalesced); the answer to a scroll repaints at once, saving up to a frame. */
  function receive(data: ViewportDataDto, requested = false): void {
    if (disposed || !model.apply(data)) return
    if (requested) repaint.flush()
    else repaint.schedule()
  }

  const requester = new ViewportRequester({
    send: async (window) => {
      if (!viewId) return
      receive(await api.views.setViewport({ viewId, first: window.first, last: window.last, anchor: window.anchor }), true)
    },
    onError: (e) => (error.value = errorMessage(e))
  })

  void (async () => {
    try {
      const openedWith = spec
      const opened = await api.views.openView({ tableId: session.tableId, spec: openedWith })
      if (disposed || session.closed) {
        if (!session.closed) await api.views.closeView({ viewId: opened.viewId })
        return
      }
      viewId = opened.viewId
      session.viewId = viewId
      model.setRowCount(opened.rowCount)
      stopPushes = api.views.onViewportData(
        { viewId },
        (data) => receive(data),
        (e) => {
          if (!disposed && !session.closed) error.value = e.message
        }
      )
      ready.value = true
      repaint.schedule()
      if (spec !== openedWith) await setSpec(spec)
      else if (lastVisible) requester.request(lastVisible)
    } catch (e) {
      if (!disposed) error.value = errorMessage(e)
    }
  })()

  watch(options.active, (active) => {
    if (active && dirty) repaint.schedule()
  })

  /** The grid shows these rows now (called every scroll frame; cheap when nothing needs asking). */
  function showRows(shown: RowRange): void {
    const visible: RowRange = model.rowCount > 0 && shown.last >= model.rowCount ? { ...shown, anchor: 'end' } : shown
    lastVisible = visible
    if (viewId) requester.request(visible)
  }

  /** New sort/filters: the engine recomputes the view; the grid then asks for its rows again. */
  async function setSpec(next: ViewSpecDto): Promise<void> {
    spec = next
    if (!viewId) return
    const { rowCount: count } = await api.views.setViewSpec({ viewId, spec: next })
    if (disposed) return
    model.setRowCount(count)
    repaint.schedule()
    requester.refresh()
  }

  /** Reads rows [first, last) for a copy, in viewport-sized pieces, without moving the grid's viewport. */
  async function readRows(first: number, last: number): Promise<ViewportDataDto[]> {
    if (!viewId) return []
    const id = viewId
    const pieces: ViewportDataDto[] = []
    for (let from = first; from < last; from += MAX_VIEWPORT_ROWS) {
      pieces.push(await api.views.readRows({ viewId: id, first: from, last: Math.min(last, from + MAX_VIEWPORT_ROWS) }))
    }
    return pieces
  }

  onScopeDispose(() => {
    disposed = true
    requester.dispose()
    repaint.cancel()
    stopPushes?.()
    if (viewId && !session.closed && session.viewId === viewId) {
      session.viewId = null
      void api.views.closeView({ viewId }).catch(() => undefined)
    }
  })

  return { model, version, rowCount, ready, error, showRows, setSpec, readRows }
}

export type TableViewport = ReturnType<typeof useTableViewport>
