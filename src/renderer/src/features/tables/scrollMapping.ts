// Scroll space for tables taller than a browser lets an element be (~33.5M px in Chromium).
//
// The grid keeps a "virtual top": the pixel offset of the viewport in the full table (row * rowHeight).
// The row scrollbar's spacer is the full height while that fits under MAX_SCROLL_HEIGHT; above it the spacer is
// capped and scrollTop maps linearly onto the virtual range, so the scrollbar thumb still spans the table
// (thumb at the bottom = last row). Wheel and keys move the virtual top in real pixels (see useGridScroll).

/** Spacer cap: well below Chromium's ~33.5M px limit on an element's height. */
export const MAX_SCROLL_HEIGHT = 10_000_000

export interface ScrollGeometry {
  readonly rowCount: number
  readonly rowHeight: number
  /** Height of the rows area: the viewport's client height without the header. */
  readonly viewportHeight: number
  /** Defaults to MAX_SCROLL_HEIGHT. */
  readonly maxScrollHeight?: number
}

/** Rows [first, last) to render, the first drawn `offset` px from the top of the rows area (offset <= 0). */
export interface RowWindow {
  readonly first: number
  readonly last: number
  readonly offset: number
}

export function contentHeight(g: ScrollGeometry): number {
  return g.rowCount * g.rowHeight
}

/** Height of the spacer element that gives the scroller its scrollbar. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(contentHeight(g), g.maxScrollHeight ?? MAX_SCROLL_HEIGHT)
}

export function isScaled(g: ScrollGeometry): boolean {
  return contentHeight(g) > spacerHeight(g)
}

export function maxVirtualTop(g: ScrollGeometry): number {
  return Math.max(0, contentHeight(g) - g.viewportHeight)
}

export function maxScrollTop(g: ScrollGeometry): number {
  return Math.max(0, spacerHeight(g) - g.viewportHeight)
}

export function clampVirtualTop(virtualTop: number, g: ScrollGeometry): number {
  return Math.min(Math.max(0, virtualTop), maxVirtualTop(g))
}

/** Where a scrollTop (from the scrollbar) puts the viewport in the table. */
export function scrollTopToVirtual(scrollTop: number, g: ScrollGeometry): number {
  if (!isScaled(g)) return clampVirtualTop(scrollTop, g)
  const range = maxScrollTop(g)
  if (range <= 0) return 0
  return clampVirtualTop((Math.min(Math.max(0, scrollTop), range) / range) * maxVirtualTop(g), g)
}

/** The scrollTop that shows a virtual top: the inverse of scrollTopToVirtual. */
export function virtualToScrollTop(virtualTop: number, g: ScrollGeometry): number {
  const v = clampVirtualTop(virtualTop, g)
  if (!isScaled(g)) return v
  const max = maxVirtualTop(g)
  return max <= 0 ? 0 : (v / max) * maxScrollTop(g)
}

/** The rows that cover the viewport at `virtualTop`, plus `overscan` rows each side. */
export function visibleRows(virtualTop: number, g: ScrollGeometry, overscan = 0): RowWindow {
  if (g.rowCount <= 0 || g.rowHeight <= 0) return { first: 0, last: 0, offset: 0 }
  const top = clampVirtualTop(virtualTop, g)
  const first = Math.min(Math.floor(top / g.rowHeight), g.rowCount - 1)
  const offset = first * g.rowHeight - top
  const count = Math.max(1, Math.ceil((g.viewportHeight - offset) / g.rowHeight))
  const last = Math.min(g.rowCount, first + count)
  const from = Math.max(0, first - overscan)
  return { first: from, last: Math.min(g.rowCount, last + overscan), offset: offset - (first - from) * g.rowHeight }
}

/** Rows that fit the viewport entirely: one keyboard page. */
export function pageRows(g: ScrollGeometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight))
}

/** The virtual top that brings `row` fully into view with the least movement (unchanged when it is already in view). */
export function revealRow(row: number, virtualTop: number, g: ScrollGeometry): number {
  const rowTop = row * g.rowHeight
  const rowBottom = rowTop + g.rowHeight
  if (rowTop < virtualTop) return clampVirtualTop(rowTop, g)
  if (rowBottom > virtualTop + g.viewportHeight) return clampVirtualTop(rowBottom - g.viewportHeight, g)
  return virtualTop
}

/**
 * The scrollLeft that shows the span [start, end) of the content whole, beside a band of `sticky` px pinned at the
 * left (the row numbers), with the least movement; a span wider than the room left is shown from its start.
 */
export function revealSpan(scrollLeft: number, viewportWidth: number, start: number, end: number, sticky = 0): number {
  if (start - sticky < scrollLeft) return Math.max(0, start - sticky)
  if (end > scrollLeft + viewportWidth) return Math.max(0, Math.min(start - sticky, end - viewportWidth))
  return scrollLeft
}
