import { computed, nextTick, onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import {
  clampVirtualTop,
  maxVirtualTop,
  pageRows,
  revealRow,
  scrollTopToVirtual,
  spacerHeight,
  virtualToScrollTop,
  visibleRows,
  type ScrollGeometry
} from './scrollMapping'
import { attachVerticalTouchPan } from './verticalTouchPan'

/** Fixed row height (px): every row is this tall, which is what makes 10M rows cheap to place. */
export const ROW_HEIGHT = 22
/** Rows rendered above and below the visible ones. */
export const OVERSCAN = 3

export interface UseGridScrollOptions {
  /** The row scrollbar: a thin scroll box beside the rows whose spacer gives the table's height. */
  scroller: Ref<HTMLElement | null>
  /** The header and the rows: scrolls sideways itself, never vertically (the wheel moves the virtual top). */
  viewport: Ref<HTMLElement | null>
  rowCount: Ref<number>
  /** Height of the header at the top of the viewport (header + filter row). */
  headerHeight: number
  rowHeight?: number
}

/**
 * The grid's vertical position as a "virtual top" in the full table (see scrollMapping.ts). The scrollbar
 * maps onto it (scaled past MAX_SCROLL_HEIGHT); wheel and keys move it in real pixels, so a wheel notch
 * moves the same rows whether the table has a thousand rows or ten million.
 *
 * The rows are not inside the scrolling box: a jump on the scrollbar scrolls a box of empty spacer, so the
 * frame that moves the thumb repaints and composites the scrollbar alone while the engine fetches the rows
 * (with the rows inside, Chromium redraws the whole grid in that frame, competing with the fetch for the CPU).
 */
export function useGridScroll(options: UseGridScrollOptions) {
  const rowHeight = options.rowHeight ?? ROW_HEIGHT
  const viewportHeight = shallowRef(0)
  const virtualTop = shallowRef(0)
  const geometry = computed<ScrollGeometry>(() => ({ rowCount: options.rowCount.value, rowHeight, viewportHeight: viewportHeight.value }))
  /** What to render: the visible rows plus overscan. */
  const rendered = computed(() => visibleRows(virtualTop.value, geometry.value, OVERSCAN))
  /** What the user sees: what the engine is asked for (padded there). */
  const visible = computed(() => visibleRows(virtualTop.value, geometry.value, 0))
  const spacer = computed(() => spacerHeight(geometry.value))

  /** The scrollTop we set ourselves: its scroll event must not re-derive (and round) the virtual top. */
  let expectedScrollTop: number | null = null

  function syncScrollTop(): void {
    const el = options.scroller.value
    if (!el) return
    const target = virtualToScrollTop(virtualTop.value, geometry.value)
    if (Math.abs(el.scrollTop - target) <= 0.5) return
    expectedScrollTop = target
    el.scrollTop = target
  }

  function setVirtualTop(top: number, immediate = false): void {
    virtualTop.value = clampVirtualTop(top, geometry.value)
    if (immediate) syncScrollTop()
    else void nextTick(syncScrollTop)
  }

  function onScroll(): void {
    const el = options.scroller.value
    if (!el) return
    const top = el.scrollTop
    if (expectedScrollTop !== null && Math.abs(top - expectedScrollTop) <= 1) {
      expectedScrollTop = null
      return
    }
    expectedScrollTop = null
    virtualTop.value = scrollTopToVirtual(top, geometry.value)
  }

  function onWheel(event: WheelEvent): void {
    if (event.ctrlKey) return // zoom
    const sideways = event.shiftKey && !event.deltaX // a mouse wheel with shift scrolls sideways
    const dy = sideways ? 0 : event.deltaY
    const dx = sideways ? event.deltaY : event.deltaX
    if (!dy && !sideways) return // a sideways swipe scrolls the viewport natively
    event.preventDefault()
    const unit = event.deltaMode === 1 ? rowHeight : event.deltaMode === 2 ? viewportHeight.value : 1
    const viewport = options.viewport.value
    if (dx && viewport) viewport.scrollLeft += dx * unit
    if (dy) setVirtualTop(virtualTop.value + dy * unit, true)
  }

  // A table that grows while the user sits at its end keeps showing its end (a live tail).
  watch(options.rowCount, (_count, previous) => {
    const before = maxVirtualTop({ ...geometry.value, rowCount: previous })
    const following = before > 0 && virtualTop.value >= before - 1
    setVirtualTop(following ? maxVirtualTop(geometry.value) : virtualTop.value)
  })
  watch(viewportHeight, () => setVirtualTop(virtualTop.value))

  let observer: ResizeObserver | null = null
  let detachTouchPan: (() => void) | null = null

  const wheelTargets = () => [options.viewport.value, options.scroller.value].filter((el): el is HTMLElement => el !== null)
  onMounted(() => {
    const viewport = options.viewport.value
    if (!viewport) return
    const measure = () => (viewportHeight.value = Math.max(0, viewport.clientHeight - options.headerHeight))
    measure()
    observer = new ResizeObserver(measure)
    observer.observe(viewport)
    for (const el of wheelTargets()) el.addEventListener('wheel', onWheel, { passive: false })
    detachTouchPan = attachVerticalTouchPan(viewport, (dy) => setVirtualTop(virtualTop.value + dy, true))
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    for (const el of wheelTargets()) el.removeEventListener('wheel', onWheel)
    detachTouchPan?.()
  })

  return {
    rowHeight,
    viewportHeight,
    virtualTop,
    geometry,
    rendered,
    visible,
    spacer,
    onScroll,
    setVirtualTop,
    /** Scrolls as little as needed to show `row` whole. */
    reveal: (row: number) => setVirtualTop(revealRow(row, virtualTop.value, geometry.value)),
    toStart: () => setVirtualTop(0),
    toEnd: () => setVirtualTop(maxVirtualTop(geometry.value)),
    pageRows: computed(() => pageRows(geometry.value))
  }
}

export type GridScroll = ReturnType<typeof useGridScroll>
