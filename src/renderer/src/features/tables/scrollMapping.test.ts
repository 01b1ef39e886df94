import { describe, expect, it } from 'vitest'
import {
  MAX_SCROLL_HEIGHT,
  clampVirtualTop,
  isScaled,
  maxVirtualTop,
  pageRows,
  revealRow,
  revealSpan,
  scrollTopToVirtual,
  spacerHeight,
  virtualToScrollTop,
  visibleRows,
  type ScrollGeometry
} from './scrollMapping'

const small: ScrollGeometry = { rowCount: 1000, rowHeight: 22, viewportHeight: 440 }
const huge: ScrollGeometry = { rowCount: 10_000_000, rowHeight: 22, viewportHeight: 440 }

describe('scroll mapping', () => {
  it('uses the real height while it fits', () => {
    expect(isScaled(small)).toBe(false)
    expect(spacerHeight(small)).toBe(22_000)
    expect(scrollTopToVirtual(1234, small)).toBe(1234)
    expect(virtualToScrollTop(1234, small)).toBe(1234)
  })

  it('caps the spacer for 10M rows, far below the browser limit', () => {
    expect(isScaled(huge)).toBe(true)
    expect(spacerHeight(huge)).toBe(MAX_SCROLL_HEIGHT)
    expect(MAX_SCROLL_HEIGHT).toBeLessThan(33_554_428)
  })

  it('maps the ends of the scrollbar onto the ends of the table', () => {
    expect(scrollTopToVirtual(0, huge)).toBe(0)
    const bottom = MAX_SCROLL_HEIGHT - huge.viewportHeight
    expect(scrollTopToVirtual(bottom, huge)).toBe(maxVirtualTop(huge))
    const rows = visibleRows(scrollTopToVirtual(bottom, huge), huge)
    expect(rows.last).toBe(10_000_000)
    expect(rows.first).toBe(10_000_000 - 20)
    expect(rows.offset).toBe(0)
  })

  it('maps the middle linearly and round-trips', () => {
    const mid = (MAX_SCROLL_HEIGHT - huge.viewportHeight) / 2
    expect(scrollTopToVirtual(mid, huge)).toBeCloseTo(maxVirtualTop(huge) / 2, 3)
    for (const v of [0, 1, 123_456_789, maxVirtualTop(huge)]) {
      expect(scrollTopToVirtual(virtualToScrollTop(v, huge), huge)).toBeCloseTo(v, 3)
    }
  })

  it('clamps out-of-range positions', () => {
    expect(scrollTopToVirtual(-5, huge)).toBe(0)
    expect(scrollTopToVirtual(1e12, huge)).toBe(maxVirtualTop(huge))
    expect(clampVirtualTop(1e12, small)).toBe(22_000 - 440)
  })

  it('does not scroll a table that fits', () => {
    const few: ScrollGeometry = { rowCount: 3, rowHeight: 22, viewportHeight: 440 }
    expect(maxVirtualTop(few)).toBe(0)
    expect(visibleRows(500, few)).toEqual({ first: 0, last: 3, offset: 0 })
  })
})

describe('visibleRows', () => {
  it('covers the viewport, with a partial first row', () => {
    expect(visibleRows(0, small)).toEqual({ first: 0, last: 20, offset: 0 })
    expect(visibleRows(30, small)).toEqual({ first: 1, last: 22, offset: -8 })
  })

  it('adds overscan without leaving the table', () => {
    expect(visibleRows(30, small, 2)).toEqual({ first: 0, last: 24, offset: -30 })
    expect(visibleRows(maxVirtualTop(small), small, 2).last).toBe(1000)
  })

  it('is empty for an empty table', () => {
    expect(visibleRows(0, { ...small, rowCount: 0 })).toEqual({ first: 0, last: 0, offset: 0 })
  })
})

describe('revealRow and pageRows', () => {
  it('moves only as much as needed', () => {
    expect(revealRow(5, 0, small)).toBe(0)
    expect(revealRow(20, 0, small)).toBe(22)
    expect(revealRow(3, 200, small)).toBe(66)
    expect(revealRow(9_999_999, 0, huge)).toBe(maxVirtualTop(huge))
  })

  it('counts the rows of one page', () => {
    expect(pageRows(small)).toBe(20)
    expect(pageRows({ ...small, viewportHeight: 10 })).toBe(1)
  })
})

describe('revealSpan', () => {
  // a 500 px wide viewport whose first 84 px are the pinned row numbers
  it('leaves a span in view where it is', () => {
    expect(revealSpan(0, 500, 84, 300, 84)).toBe(0)
    expect(revealSpan(100, 500, 200, 600, 84)).toBe(100)
  })

  it('scrolls right just enough to show a span past the right edge', () => {
    expect(revealSpan(0, 500, 400, 650, 84)).toBe(150)
  })

  it('scrolls left until a span clears the pinned band', () => {
    expect(revealSpan(300, 500, 284, 400, 84)).toBe(200)
    expect(revealSpan(300, 500, 84, 200, 84)).toBe(0)
  })

  it('shows a span wider than the room from its start', () => {
    expect(revealSpan(0, 500, 400, 1400, 84)).toBe(316)
  })
})
