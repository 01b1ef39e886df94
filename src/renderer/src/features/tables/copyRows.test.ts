import { describe, expect, it } from 'vitest'
import { fieldsFromModel, fieldsFromPieces } from './copyRows'
import { GridModel } from './gridModel'

const columns = [
  { name: 'KafkaTimestamp', type: 'timestamp' as const },
  { name: 'Value', type: 'string' as const },
  { name: 'Bytes', type: 'bytes' as const }
]
const piece = {
  viewId: 'v',
  version: 1,
  rowCount: 10,
  first: 2,
  rowKeys: [2, 3],
  columns: [
    { name: 'KafkaTimestamp', type: 'timestamp' as const, values: ['0', null] },
    { name: 'Value', type: 'string' as const, values: ['a', 'b\tc'] },
    { name: 'Bytes', type: 'bytes' as const, values: ['AP8=', null] }
  ]
}

describe('copy fields', () => {
  it('reads a rectangle from the model, empty for nulls and rows not held', () => {
    const model = new GridModel(columns)
    model.apply(piece)
    expect(fieldsFromModel(model, { first: 2, last: 5 }, { first: 0, last: 3 }, 'utc')).toEqual([
      ['1970-01-01 00:00:00.000', 'a', '00ff'],
      ['', 'b\tc', ''],
      ['', '', '']
    ])
    expect(fieldsFromModel(model, { first: 3, last: 4 }, { first: 1, last: 2 })).toEqual([['b\tc']])
  })

  it('reads pieces fetched for the copy', () => {
    expect(fieldsFromPieces([piece], [columns[1], columns[2]])).toEqual([
      ['a', '00ff'],
      ['b\tc', '']
    ])
  })
})
