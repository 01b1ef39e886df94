import { describe, expect, it } from 'vitest'
import { diffLines, diffStats } from './lineDiff'

const lines = (text: string) => text.split('\n')
const render = (a: string, b: string) =>
  diffLines(lines(a), lines(b)).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.a ?? '.'}:${l.b ?? '.'} ${l.text}`)

describe('diffLines', () => {
  it('marks nothing in identical texts', () => {
    expect(render('a\nb', 'a\nb')).toEqual([' 1:1 a', ' 2:2 b'])
  })

  it('finds an added line in the middle, with line numbers on both sides', () => {
    expect(render('{\n  "a": 1\n}', '{\n  "a": 1,\n  "b": 2\n}')).toEqual([' 1:1 {', '-2:.   "a": 1', '+.:2   "a": 1,', '+.:3   "b": 2', ' 3:4 }'])
  })

  it('finds removed lines and keeps the longest common subsequence', () => {
    expect(render('a\nx\nb\ny\nc', 'a\nb\nc')).toEqual([' 1:1 a', '-2:. x', ' 3:2 b', '-4:. y', ' 5:3 c'])
  })

  it('puts removals before additions inside a change', () => {
    expect(render('a\nold1\nold2\nz', 'a\nnew1\nz')).toEqual([' 1:1 a', '-2:. old1', '-3:. old2', '+.:2 new1', ' 4:3 z'])
  })

  it('handles empty sides', () => {
    expect(diffLines([], ['x'])).toEqual([{ kind: 'added', text: 'x', b: 1 }])
    expect(diffLines(['x'], [])).toEqual([{ kind: 'removed', text: 'x', a: 1 }])
    expect(diffLines([], [])).toEqual([])
  })

  it('keeps every line of both texts exactly once, in order', () => {
    const a = Array.from({ length: 300 }, (_, i) => `line ${i % 17}`)
    const b = Array.from({ length: 280 }, (_, i) => `line ${(i * 7) % 19}`)
    const out = diffLines(a, b)
    expect(out.filter((l) => l.a !== undefined).map((l) => l.text)).toEqual(a)
    expect(out.filter((l) => l.b !== undefined).map((l) => l.text)).toEqual(b)
    expect(diffStats(out)).toEqual({ added: out.filter((l) => l.kind === 'added').length, removed: out.filter((l) => l.kind === 'removed').length })
  })
})
