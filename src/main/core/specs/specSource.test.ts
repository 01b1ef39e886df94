import { describe, expect, it } from 'vitest'
import { KeyValueSpec, jsonObject, jsonSpec, objectProcessorSpec, simpleSpec } from '../index'
import { specSource } from './specSource'
import type { PartDecoder } from './partDecoder'

const decoder = (columns: PartDecoder['columns'], source?: string): PartDecoder => ({ columns, source, decode: () => undefined })

describe('specSource', () => {
  it('says what a table reads its key and value with', () => {
    expect(specSource(KeyValueSpec.IGNORE, null)).toBe('ignore')
    expect(specSource(simpleSpec('Price', 'float64'), decoder([{ name: 'Price', type: 'float64' }]))).toBe('Price: float64')
    expect(specSource(KeyValueSpec.FROM_PROPERTIES, decoder([{ name: 'Value', type: 'string' }]))).toBe('Value: string (from properties)')
    expect(specSource(jsonSpec({ a: 'int32', b: 'string' }), decoder([{ name: 'a', type: 'int32' }, { name: 'b', type: 'string' }]))).toBe('json (2 columns)')
  })

  it('an object processor describes itself (jsonObject: its fields)', () => {
    const spec = objectProcessorSpec(jsonObject({ sym: jsonObject.string(), px: jsonObject.double() }))
    expect(specSource(spec, decoder(spec.provider.columns()))).toBe('json object (2 fields)')
    const bare = objectProcessorSpec({ columns: () => [{ name: 'n', type: 'int32' }], process: () => undefined })
    expect(specSource(bare, decoder(bare.provider.columns()))).toBe('object processor (1 column)')
  })

  it('takes what the decoder resolved (a registry version) over the spec', () => {
    expect(specSource(KeyValueSpec.IGNORE, decoder([], 'avro orders-value v3 (id 12)'))).toBe('avro orders-value v3 (id 12)')
  })
})
