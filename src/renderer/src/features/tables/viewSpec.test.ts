import { describe, expect, it } from 'vitest'
import { sameSpec, toViewSpec } from './viewSpec'

const columns = [
  { name: 'KafkaOffset', type: 'int64' as const },
  { name: 'Value', type: 'string' as const }
]

describe('toViewSpec', () => {
  it('turns sorting into sort keys, most significant first', () => {
    const { spec } = toViewSpec(columns, [{ id: 'Value', desc: true }, { id: 'KafkaOffset', desc: false }], {})
    expect(spec).toEqual({
      sort: [
        { column: 'Value', direction: 'desc' },
        { column: 'KafkaOffset', direction: 'asc' }
      ],
      filters: []
    })
  })

  it('collects the filters that are filters and the errors of those that are not', () => {
    const { spec, errors } = toViewSpec(columns, [], {
      KafkaOffset: { mode: 'range', text: '', min: 'x', max: '' },
      Value: { mode: 'contains', text: 'abc', min: '', max: '' }
    })
    expect(spec.filters).toEqual([{ column: 'Value', kind: 'contains', value: 'abc' }])
    expect(errors).toEqual({ KafkaOffset: 'not an integer' })
  })

  it('ignores unknown columns', () => {
    expect(toViewSpec(columns, [{ id: 'Gone', desc: false }], {}).spec.sort).toEqual([])
  })

  it('compares specs by content', () => {
    expect(sameSpec({ sort: [], filters: [] }, { sort: [], filters: [] })).toBe(true)
    expect(sameSpec({ sort: [], filters: [] }, { sort: [{ column: 'a', direction: 'asc' }], filters: [] })).toBe(false)
  })
})
