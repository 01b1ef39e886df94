import { describe, expect, it } from 'vitest'
import { newDraft, offsetsSummary, parseProperties, specSummary, tableTypeSummary, toOpenTableArgs } from './openTableDraft'

describe('toOpenTableArgs', () => {
  it('builds openTable arguments from the form', () => {
    const draft = { ...newDraft(), bootstrapServers: ' 127.0.0.1:9092 ', topic: 'orders' }
    expect(toOpenTableArgs(draft)).toEqual({
      ok: true,
      args: {
        properties: { 'bootstrap.servers': '127.0.0.1:9092' },
        topic: 'orders',
        offsets: { '-1': -1 },
        keySpec: { kind: 'ignore' },
        valueSpec: { kind: 'simple', columnName: 'Value', type: 'string' },
        tableType: { kind: 'append' }
      }
    })
  })

  it('maps offsets modes to the seek constants and ring tables to their capacity', () => {
    const draft = { ...newDraft(), topic: 't', offsets: 'latest' as const, tableType: 'ring' as const, ringCapacity: '1,000' }
    const result = toOpenTableArgs(draft)
    expect(result.ok && result.args.offsets).toEqual({ '-1': -2 })
    expect(result.ok && result.args.tableType).toEqual({ kind: 'ring', capacity: 1000 })
    const end = toOpenTableArgs({ ...draft, offsets: 'end' })
    expect(end.ok && end.args.offsets).toEqual({ '-1': -3 })
  })

  it('adds extra properties under the bootstrap servers of the form', () => {
    const result = toOpenTableArgs({ ...newDraft(), topic: 't', extraProperties: '# sasl\nsecurity.protocol = SASL_PLAINTEXT\nbootstrap.servers=x:1\n' })
    expect(result.ok && result.args.properties).toEqual({ 'security.protocol': 'SASL_PLAINTEXT', 'bootstrap.servers': 'localhost:9092' })
  })

  it('says what is missing or wrong, per field', () => {
    const result = toOpenTableArgs({
      ...newDraft(),
      bootstrapServers: '',
      topic: 'bad topic',
      key: { kind: 'simple', columnName: 'Value', type: 'string' },
      tableType: 'ring',
      ringCapacity: '0',
      extraProperties: 'oops'
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['bootstrapServers', 'extraProperties', 'ringCapacity', 'topic', 'value'])
  })
})

describe('summaries', () => {
  it('describe specs, table types and offsets briefly', () => {
    expect(specSummary({ kind: 'ignore' })).toBe('ignore')
    expect(specSummary({ kind: 'simple', columnName: 'Price', type: 'float64' })).toBe('Price: float64')
    expect(tableTypeSummary({ kind: 'ring', capacity: 100000 })).toBe('ring 100,000')
    const result = toOpenTableArgs({ ...newDraft(), topic: 't' })
    expect(result.ok && offsetsSummary(result.args)).toBe('from beginning')
  })

  it('parseProperties skips blanks and comments', () => {
    expect(parseProperties('\n# c\na=b=c\n')).toEqual({ properties: { a: 'b=c' } })
  })
})
