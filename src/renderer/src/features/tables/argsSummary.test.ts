import { describe, expect, it } from 'vitest'
import { middleEllipsis, offsetsSummary, specSummary, tableTypeSummary } from './argsSummary'

const base = { properties: {}, topic: 't', keySpec: { kind: 'ignore' as const }, valueSpec: { kind: 'ignore' as const }, tableType: { kind: 'append' as const } }

describe('the info bar summaries', () => {
  it('name each spec kind', () => {
    expect(specSummary({ kind: 'simple', columnName: 'Value', type: 'int32' })).toBe('Value: int32')
    expect(specSummary({ kind: 'json', columns: [{ name: 'a', type: 'string' }], mapping: {} })).toBe('json (1 columns)')
    expect(specSummary({ kind: 'avro', schema: 'orders-value', version: 3, framing: 'confluent' })).toBe('avro orders-value v3')
    expect(specSummary({ kind: 'avro', schema: '{"type":"record"}', version: 'latest', framing: 'none' })).toBe('avro (pasted schema)')
    expect(specSummary({ kind: 'protobuf', source: { subject: 's' }, protocol: 'serdes' })).toBe('protobuf s')
    expect(specSummary({ kind: 'jsonObject', fields: { a: { kind: 'long' }, b: { kind: 'string' } } })).toBe('json object (2 fields)')
    expect(specSummary({ kind: 'fromProperties' })).toBe('from properties')
  })

  it('say the table type and where reading started', () => {
    expect(tableTypeSummary({ kind: 'ring', capacity: 100000 })).toBe('ring 100,000')
    expect(offsetsSummary({ ...base, offsets: { '-1': -1 } })).toBe('from beginning')
    expect(offsetsSummary({ ...base, offsets: { '-1': -3 } })).toBe('from end')
    expect(offsetsSummary({ ...base, offsets: { '-1': -2, '0': '5' } })).toBe('per partition')
    expect(offsetsSummary(base)).toBe('latest')
  })
})

describe('middleEllipsis', () => {
  it('keeps short text and cuts long text in the middle, both ends kept', () => {
    expect(middleEllipsis('Price: float64')).toBe('Price: float64')
    const cut = middleEllipsis('avro editor-avro-mx7u6g1p-263d639a-value v1 (id 16)', 40)
    expect(cut).toHaveLength(40)
    expect(cut.startsWith('avro editor-avro-')).toBe(true)
    expect(cut.endsWith('-value v1 (id 16)')).toBe(true)
  })
})
