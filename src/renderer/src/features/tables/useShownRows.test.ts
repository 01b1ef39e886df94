import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, shallowRef } from 'vue'
import { GridModel } from './gridModel'
import type { RowWindow } from './scrollMapping'
import { useShownRows } from './useShownRows'

const win = (first: number, last: number): RowWindow => ({ first, last, offset: 0 })

function setup() {
  const model = new GridModel([{ name: 'V', type: 'int32' }])
  const apply = (first: number, count: number, version: number) =>
    model.apply({ viewId: 'v', version, rowCount: 1000, first, rowKeys: Array.from({ length: count }, (_, i) => first + i), columns: [{ name: 'V', type: 'int32', values: Array.from({ length: count }, (_, i) => first + i) }] })
  apply(0, 50, 1)
  const wanted = shallowRef(win(0, 40))
  const version = shallowRef(1)
  const scope = effectScope()
  const shown = scope.run(() => useShownRows(wanted, model, version, 100))!
  return { wanted, version, shown, apply, scope }
}

describe('useShownRows', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows a scroll within held rows at once', () => {
    const { wanted, shown } = setup()
    wanted.value = win(5, 45)
    expect(shown.value).toEqual(win(5, 45))
  })

  it('keeps the previous rows on a jump until the answer arrives', () => {
    const { wanted, version, shown, apply } = setup()
    wanted.value = win(500, 540)
    expect(shown.value).toEqual(win(0, 40))
    apply(480, 80, 2)
    version.value = 2
    expect(shown.value).toEqual(win(500, 540))
  })

  it('shows the wanted (loading) rows when the answer takes too long', () => {
    const { wanted, shown } = setup()
    wanted.value = win(500, 540)
    vi.advanceTimersByTime(99)
    expect(shown.value).toEqual(win(0, 40))
    vi.advanceTimersByTime(1)
    expect(shown.value).toEqual(win(500, 540))
  })
})
