import { describe, expect, it } from 'vitest'
import { prettySchema, schemaLanguage } from './schemaText'

describe('prettySchema', () => {
  it('indents Avro and JSON Schema JSON with two spaces', () => {
    expect(prettySchema('AVRO', '{"type":"record","name":"R","fields":[]}')).toBe('{\n  "type": "record",\n  "name": "R",\n  "fields": []\n}')
    expect(prettySchema('JSON', '{"type":"object"}')).toBe('{\n  "type": "object"\n}')
    expect(prettySchema('AVRO', '"string"')).toBe('"string"')
  })

  it('shows Protobuf as registered (line endings normalized) and text that is not JSON as it is', () => {
    expect(prettySchema('PROTOBUF', 'syntax = "proto3";\r\nmessage A {}\n\n')).toBe('syntax = "proto3";\nmessage A {}')
    expect(prettySchema('AVRO', '{not json')).toBe('{not json')
  })

  it('picks the highlighter language', () => {
    expect(schemaLanguage('PROTOBUF')).toBe('proto')
    expect(schemaLanguage('AVRO')).toBe('json')
    expect(schemaLanguage('JSON')).toBe('json')
  })
})
