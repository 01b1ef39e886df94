import { describe, expect, it, vi } from 'vitest'
import type { TableTypeSpec } from '../engine/liveTable'
import { RowIndex } from './rowIndex'
import { TableView } from './tableView'
import { ALL_TYPES, addRandomRows, appendRows, bruteForce, makeTable, randomSpec, rng } from './viewTestSupport'
import type { ViewChange, ViewSpec } from './viewTypes'

function allKeys(view: TableView): number[] {
  const out: number[] = []
  for (let p = 0; p < view.rowCount; p += 10_000) out.push(...view.viewport(p, p + 9_999).rowKeys)
  return out
}

/**
 * Random cycles on a table with a view: after every flush the view must equal the brute force, and it must have
 * notified exactly when its rows changed, at most once.
 */
function runProperty(seed: number, tableType: TableTypeSpec, cycles: number, maxOffset?: number): void {
  const random = rng(seed)
  const table = makeTable(tableType)
  addRandomRows(table, Math.floor(random() * 100), random)
  if (random() < 0.5) table.flush()
  let spec = randomSpec(ALL_TYPES, random)
  const view = new TableView(table, spec, maxOffset === undefined ? {} : { maxOffset })
  const changes: ViewChange[] = []
  view.onChange((c) => changes.push(c))
  let previous = allKeys(view)
  expect(previous, `seed ${seed} initial ${JSON.stringify(spec)}`).toEqual(bruteForce(table, spec))
  for (let cycle = 0; cycle < cycles; cycle++) {
    const roll = random()
    const rows = roll < 0.15 ? 0 : roll < 0.25 ? Math.floor(random() * 600) : Math.floor(random() * 60)
    addRandomRows(table, rows, random, { nulls: 0.15 })
    if (random() < 0.1) {
      table.beginRow()
      table.writers[0].appendNumber(1)
      table.abortRow()
    }
    changes.length = 0
    const versionBefore = view.version
    table.flush()
    const keys = allKeys(view)
    const label = `seed ${seed} ${JSON.stringify(tableType)} cycle ${cycle} ${JSON.stringify(spec)}`
    expect(keys, label).toEqual(bruteForce(table, spec))
    const changed = JSON.stringify(keys) !== JSON.stringify(previous)
    expect(changes.length, label).toBe(changed ? 1 : 0)
    if (changed) {
      expect(changes[0]).toEqual({ version: view.version, rowCount: keys.length, reason: 'rows' })
      expect(view.version).toBe(versionBefore + 1)
    }
    previous = keys
    if (random() < 0.08) {
      spec = randomSpec(ALL_TYPES, random)
      changes.length = 0
      view.setSpec(spec)
      previous = allKeys(view)
      expect(previous, `${label} after setSpec`).toEqual(bruteForce(table, spec))
    }
  }
  view.dispose()
}

describe('incremental updates match a recompute', () => {
  const types: TableTypeSpec[] = [{ kind: 'append' }, { kind: 'blink' }, { kind: 'ring', capacity: 1 }, { kind: 'ring', capacity: 150 }, { kind: 'ring', capacity: 1000 }]
  for (const tableType of types) {
    it(`on ${JSON.stringify(tableType)} tables, with random sorts and filters`, () => {
      for (let seed = 1; seed <= 12; seed++) runProperty(seed * 7 + tableType.kind.length, tableType, 25)
    })
  }

  it('with a low offset limit, rebasing row offsets as ring keys grow', () => {
    const rebase = vi.spyOn(RowIndex.prototype, 'rebase')
    for (let seed = 1; seed <= 6; seed++) runProperty(seed, { kind: 'ring', capacity: 60 }, 80, 200)
    expect(rebase).toHaveBeenCalled()
    rebase.mockRestore()
  })

  it('on a ring table larger than a chunk, with sort and filter, in big cycles', () => {
    const random = rng(5)
    const columns = [
      { name: 'sym', type: 'string' as const },
      { name: 'price', type: 'float64' as const },
      { name: 't', type: 'timestamp' as const }
    ]
    const table = makeTable({ kind: 'ring', capacity: 70_000 }, columns)
    const specs: ViewSpec[] = [
      { sort: [{ column: 'price', direction: 'desc' }], filters: [{ column: 'sym', kind: 'contains', value: '1' }] },
      { sort: [{ column: 'sym', direction: 'asc' }, { column: 't', direction: 'desc' }], filters: [] },
      { sort: [], filters: [{ column: 'price', kind: 'range', min: 100, max: 400 }] }
    ]
    const views = specs.map((spec) => new TableView(table, spec))
    for (let cycle = 0; cycle < 6; cycle++) {
      const rows: unknown[][] = []
      for (let r = 0; r < 25_000; r++) {
        rows.push([`S${Math.floor(random() * 300)}`, random() < 0.01 ? null : Math.floor(random() * 5000) / 10, BigInt(Math.floor(random() * 1e6)) * 1000n])
      }
      appendRows(table, rows)
      table.flush()
      views.forEach((view, k) => expect(allKeys(view), `cycle ${cycle} view ${k}`).toEqual(bruteForce(table, specs[k])))
    }
  }, 60_000)

  it('a ring cycle bringing more rows than the capacity', () => {
    const random = rng(3)
    const table = makeTable({ kind: 'ring', capacity: 100 })
    const spec: ViewSpec = { sort: [{ column: 'f64', direction: 'asc' }], filters: [{ column: 'b', kind: 'notNull' }] }
    const view = new TableView(table, spec)
    for (const n of [50, 300, 0, 1, 250]) {
      addRandomRows(table, n, random)
      table.flush()
      expect(allKeys(view)).toEqual(bruteForce(table, spec))
    }
  })
})

describe('notifications', () => {
  it('at most one per cycle, none when the view did not change, none after dispose', () => {
    const table = makeTable({ kind: 'append' }, [{ name: 'n', type: 'int32' }])
    const view = new TableView(table, { sort: [{ column: 'n', direction: 'desc' }], filters: [{ column: 'n', kind: 'range', min: 10 }] })
    const changes: ViewChange[] = []
    view.onChange((c) => changes.push(c))
    appendRows(table, [[1], [2], [3]])
    table.flush()
    expect(changes).toEqual([]) // rows arrived in the table, none in the view
    appendRows(table, [[11], [12], [5]])
    table.flush()
    expect(changes).toEqual([{ version: 1, rowCount: 2, reason: 'rows' }])
    expect(view.viewport(0, 9).rowKeys).toEqual([4, 3])
    const other = vi.fn()
    const unsubscribe = view.onChange(other)
    unsubscribe()
    view.dispose()
    view.dispose()
    appendRows(table, [[20]])
    table.flush()
    expect(changes).toHaveLength(1)
    expect(other).not.toHaveBeenCalled()
    expect(view.rowCount).toBe(0)
    expect(view.disposed).toBe(true)
    expect(() => view.viewport(0, 1)).toThrow(/disposed/)
    expect(() => view.setSpec({ sort: [], filters: [] })).toThrow(/disposed/)
  })

  it('still notify when another listener of the same flush read the view first', () => {
    const table = makeTable({ kind: 'append' }, [{ name: 'n', type: 'int32' }])
    let view: TableView | null = null
    const seen: number[] = []
    table.onUpdate(() => seen.push((view as TableView).rowCount))
    view = new TableView(table, { sort: [], filters: [] })
    const changes: ViewChange[] = []
    view.onChange((c) => changes.push(c))
    appendRows(table, [[1], [2]])
    table.flush()
    expect(seen).toEqual([2])
    expect(changes).toEqual([{ version: 1, rowCount: 2, reason: 'rows' }])
  })

  it('setSpec re-sorts, notifies once with reason spec, and ignores an identical spec', () => {
    const table = makeTable({ kind: 'append' }, [
      { name: 'n', type: 'int32' },
      { name: 's', type: 'string' }
    ])
    appendRows(table, [
      [3, 'c'],
      [1, 'a'],
      [2, 'b']
    ])
    table.flush()
    const view = new TableView(table, { sort: [], filters: [] })
    const changes: ViewChange[] = []
    view.onChange((c) => changes.push(c))
    view.setSpec({ sort: [{ column: 'n', direction: 'asc' }], filters: [] })
    expect(changes).toEqual([{ version: 1, rowCount: 3, reason: 'spec' }])
    expect(view.viewport(0, 2).rowKeys).toEqual([1, 2, 0])
    view.setSpec({ sort: [{ column: 'n', direction: 'asc', nulls: 'last' }], filters: [] })
    expect(changes).toHaveLength(1)
    view.setSpec({ sort: [{ column: 'n', direction: 'asc' }], filters: [], columns: ['s'] })
    expect(changes.map((c) => c.version)).toEqual([1, 2])
    expect(view.viewport(0, 2).columns.map((c) => c.name)).toEqual(['s'])
    expect(() => view.setSpec({ sort: [{ column: 'x', direction: 'asc' }], filters: [] })).toThrow(/column "x" does not exist/)
    expect(view.spec).toEqual({ sort: [{ column: 'n', direction: 'asc', nulls: 'last' }], filters: [], columns: ['s'] })
    expect(changes).toHaveLength(2)
  })

  it('a listener that throws does not stop the others; the error reaches flush', () => {
    const table = makeTable({ kind: 'append' }, [{ name: 'n', type: 'int32' }])
    const view = new TableView(table, { sort: [], filters: [] })
    const good = vi.fn()
    view.onChange(() => {
      throw new Error('boom')
    })
    view.onChange(good)
    appendRows(table, [[1]])
    expect(() => table.flush()).toThrow('boom')
    expect(good).toHaveBeenCalledTimes(1)
  })
})
