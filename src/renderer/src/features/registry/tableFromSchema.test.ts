import { describe, expect, it } from 'vitest'
import { jsonSchemaColumns, tableFromSchema, topicOfSubject } from './tableFromSchema'

describe('topicOfSubject', () => {
  it('strips the TopicNameStrategy suffix', () => {
    expect(topicOfSubject('orders-value')).toEqual({ topic: 'orders', part: 'value' })
    expect(topicOfSubject('orders-key')).toEqual({ topic: 'orders', part: 'key' })
    expect(topicOfSubject('common/money.proto')).toEqual({ topic: 'common/money.proto', part: 'value' })
    expect(topicOfSubject('-value')).toEqual({ topic: '-value', part: 'value' })
  })
})

describe('tableFromSchema', () => {
  it('opens an Avro value subject through the registry with Confluent framing', () => {
    expect(tableFromSchema('orders-value', 2, 'AVRO', '{}')).toEqual({
      ok: true,
      args: { topic: 'orders', valueSpec: { kind: 'avro', schema: 'orders-value', version: 2, framing: 'confluent' } }
    })
  })

  it('opens a Protobuf key subject as the key spec', () => {
    expect(tableFromSchema('orders-key', 1, 'PROTOBUF', 'syntax = "proto3";')).toEqual({
      ok: true,
      args: { topic: 'orders', keySpec: { kind: 'protobuf', source: { subject: 'orders-key', version: 1 }, protocol: 'serdes' } }
    })
  })

  it('makes JSON columns from a JSON Schema, or says why it cannot', () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { id: { type: 'string' }, qty: { type: 'integer' }, price: { type: ['number', 'null'] }, at: { type: 'string', format: 'date-time' }, ok: { type: 'boolean' }, tags: { type: 'array' } }
    })
    expect(tableFromSchema('events-value', 3, 'JSON', schema)).toEqual({
      ok: true,
      args: {
        topic: 'events',
        valueSpec: {
          kind: 'json',
          mapping: {},
          columns: [
            { name: 'id', type: 'string' },
            { name: 'qty', type: 'int64' },
            { name: 'price', type: 'float64' },
            { name: 'at', type: 'timestamp' },
            { name: 'ok', type: 'bool' },
            { name: 'tags', type: 'string' }
          ]
        }
      }
    })
    expect(tableFromSchema('x-value', 1, 'JSON', '{"type":"string"}')).toMatchObject({ ok: false, reason: expect.stringContaining('no top-level properties') })
    expect(jsonSchemaColumns('{broken')).toEqual([])
  })
})
