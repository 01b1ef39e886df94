import { describe, expect, it } from 'vitest'
import { objectProcessorSpec, type ColumnSink, type ObjectProcessorProvider } from '../../api/objectProcessorSpec'
import { RecordDecodeError } from '../recordDecodeError'
import { resolvePartDecoder, SpecError, type DecoderContext } from '../resolvePartDecoder'
import { decodeWith } from './testSupport'

/** A user-written provider: `sym,qty` CSV lines. */
const csvProvider: ObjectProcessorProvider = {
  columns: () => [
    { name: 'Sym', type: 'string' },
    { name: 'Qty', type: 'int32' }
  ],
  process(buf: Buffer | null, start: number, end: number, out: ColumnSink): void {
    if (buf === null) {
      out.column(0).appendNull()
      out.column(1).appendNull()
      return
    }
    const comma = buf.indexOf(0x2c, start)
    if (comma < 0 || comma >= end) throw new RecordDecodeError('expected sym,qty')
    out.column(0).appendUtf8(buf, start, comma)
    const text = buf.toString('latin1', comma + 1, end)
    const qty = /^-?\d+$/.test(text) ? Number(text) : Number.NaN
    if (Number.isSafeInteger(qty) && Math.abs(qty) < 2 ** 31) {
      out.column(1).appendNumber(qty)
    } else {
      out.column(1).appendNull()
      out.fieldError(1, `"${text}" is not an int32`)
    }
  }
}

describe('objectProcessorSpec with a user-written provider', () => {
  it('decodes CSV lines, reports field errors after the record and rolls back bad records', () => {
    const { rows, fieldErrors, errors } = decodeWith(csvProvider, ['AAPL,12', 'MSFT,lots', 'junk', null])
    expect(rows).toEqual([
      { Sym: 'AAPL', Qty: 12 },
      { Sym: 'MSFT', Qty: null },
      { Sym: null, Qty: null }
    ])
    expect(fieldErrors).toEqual([['Qty', '"lots" is not an int32']])
    expect(errors).toEqual([null, null, 'expected sym,qty', null])
  })

  it('turns other errors thrown by a provider into record errors and drops their field errors', () => {
    const provider: ObjectProcessorProvider = {
      columns: () => [{ name: 'A', type: 'string' }],
      process(_buf, _s, _e, out) {
        out.column(0).appendNull()
        out.fieldError(0, 'x')
        throw new Error('boom')
      }
    }
    const { rows, fieldErrors, errors } = decodeWith(provider, ['x'])
    expect(rows).toEqual([])
    expect(fieldErrors).toEqual([])
    expect(errors).toEqual(['provider failed: boom'])
  })

  it('rejects a column index outside the provider columns', () => {
    const provider: ObjectProcessorProvider = { columns: () => [{ name: 'A', type: 'string' }], process: (_b, _s, _e, out) => out.column(1).appendNull() }
    expect(decodeWith(provider, ['x']).errors[0]).toMatch(/column\(1\)/)
  })

  it('checks the provider and its columns', async () => {
    expect(() => objectProcessorSpec({} as ObjectProcessorProvider)).toThrow(TypeError)
    const context = { table: {}, registry: () => ({}) } as unknown as DecoderContext
    const bad = (columns: unknown): Promise<unknown> => resolvePartDecoder('value', objectProcessorSpec({ columns: () => columns as never, process: () => undefined }), context)
    await expect(bad([])).rejects.toThrow(SpecError)
    await expect(bad([{ name: 'A', type: 'nope' }])).rejects.toThrow(/valueSpec: .*nope/)
    await expect(bad([{ name: 'A', type: 'string' }, { name: 'A', type: 'int32' }])).rejects.toThrow(/twice/)
    const ok = await resolvePartDecoder('key', objectProcessorSpec(csvProvider), context)
    expect(ok?.columns).toEqual([
      { name: 'Sym', type: 'string' },
      { name: 'Qty', type: 'int32' }
    ])
  })
})
