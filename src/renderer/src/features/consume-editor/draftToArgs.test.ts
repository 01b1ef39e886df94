import { describe, expect, it } from 'vitest'
import { draftToArgs, errorSummary } from './draftToArgs'
import { newEditorDraft, type EditorDraft } from './editorDraft'

function draft(change: (d: EditorDraft) => void = () => undefined): EditorDraft {
  const d = newEditorDraft()
  d.topic = 'orders'
  change(d)
  return d
}

function errorsOf(d: EditorDraft) {
  const result = draftToArgs(d)
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

describe('draftToArgs', () => {
  it('turns the default ad-hoc draft into openTable arguments', () => {
    expect(draftToArgs(draft())).toEqual({
      ok: true,
      args: {
        properties: { 'bootstrap.servers': 'localhost:9092' },
        topic: 'orders',
        offsets: { '-1': -1 },
        keySpec: { kind: 'ignore' },
        valueSpec: { kind: 'simple', columnName: 'Value', type: 'string' },
        tableType: { kind: 'append' },
        onError: 'skip'
      }
    })
  })

  it('uses the profile instead of bootstrap servers, with extra properties on top', () => {
    const result = draftToArgs(draft((d) => Object.assign(d, { connection: 'profile', profileId: 'p1', extraProperties: 'client.id=tt\n# note' })))
    expect(result).toMatchObject({ ok: true, args: { profileId: 'p1', properties: { 'client.id': 'tt' } } })
    expect(errorsOf(draft((d) => Object.assign(d, { connection: 'profile', profileId: '' })))).toHaveProperty('profileId')
    expect(draftToArgs(draft((d) => (d.bootstrapServers = 'a:9092, [::1]:9093')))).toMatchObject({ ok: true })
    expect(errorsOf(draft((d) => (d.bootstrapServers = 'a:9092,b')))).toEqual({ bootstrapServers: 'Each server is host:port, comma-separated' })
  })

  it('says what is wrong at each field', () => {
    const errors = errorsOf(
      draft((d) => {
        d.bootstrapServers = 'localhost'
        d.topic = 'bad topic'
        d.partitionsMode = 'list'
        d.partitions = '0, x'
        d.tableType = 'ring'
        d.ringCapacity = '0'
        d.extraProperties = 'oops'
        d.value.simple.columnName = ' '
      })
    )
    expect(errors).toEqual({
      bootstrapServers: 'Each server is host:port, comma-separated',
      topic: 'A topic name has only letters, digits, ".", "_" and "-"',
      partitions: "'x' is not a partition number",
      ringCapacity: 'Ring size is a whole number of rows, at least 1',
      extraProperties: 'Line 1: expected name=value',
      'value.simple.columnName': 'The column needs a name'
    })
    expect(errorSummary(errors)).toBe('Kafka properties: Line 1: expected name=value (and 5 more)')
  })

  it('builds per-partition offsets with seek constants and a default for the others', () => {
    const result = draftToArgs(
      draft((d) => {
        d.partitionsMode = 'list'
        d.partitions = '0, 1, 2'
        d.offsetsMode = 'perPartition'
        d.otherPartitions = 'end'
        d.offsetRows = [{ partition: '0', offset: '42' }, { partition: '1', offset: 'beginning' }]
      })
    )
    expect(result).toMatchObject({ ok: true, args: { partitions: [0, 1, 2], offsets: { '-1': -3, '0': '42', '1': -1 } } })
    const errors = errorsOf(draft((d) => Object.assign(d, { offsetsMode: 'perPartition', offsetRows: [{ partition: 'a', offset: '-5' }] })))
    expect(errors).toMatchObject({ 'offsets.0.partition': 'A partition number (0, 1, …)', 'offsets.0.offset': 'An offset (0 or more) or beginning / end / latest' })
  })

  it('maps JSON columns to pointers and rejects duplicates and empty specs', () => {
    const d = draft((x) => {
      x.value.kind = 'json'
      x.value.json.columns = [
        { name: 'Sym', type: 'string', pointer: '/sym' },
        { name: 'Venue', type: 'string', pointer: '/info/venue' },
        { name: 'qty', type: 'int32', pointer: '' }
      ]
    })
    expect(draftToArgs(d)).toMatchObject({
      ok: true,
      args: { valueSpec: { kind: 'json', columns: [{ name: 'Sym' }, { name: 'Venue' }, { name: 'qty' }], mapping: { '/sym': 'Sym', '/info/venue': 'Venue' } } }
    })
    d.value.json.columns.push({ name: 'Sym', type: 'int64', pointer: '/sym' })
    expect(errorsOf(d)).toMatchObject({ 'value.json.columns.3.name': "Another column is named 'Sym'", 'value.json.columns.3.pointer': "'/sym' is mapped to 'Sym' already" })
    expect(errorsOf(draft((x) => (x.value.kind = 'json')))).toHaveProperty(['value.json.columns'])
  })

  it('builds Avro specs from a subject or a pasted schema', () => {
    const subject = draft((x) => {
      x.value.kind = 'avro'
      x.value.avro.subject = 'orders-value'
      x.value.avro.version = '3'
      x.value.avro.mapping = [{ field: 'info.venue', column: 'Venue' }, { field: '', column: '' }]
      x.value.avro.mappedOnly = true
    })
    expect(draftToArgs(subject)).toMatchObject({
      ok: true,
      args: { valueSpec: { kind: 'avro', schema: 'orders-value', version: 3, mapping: { 'info.venue': 'Venue' }, mappedOnly: true, framing: 'confluent' } }
    })
    subject.value.avro.version = 'v2'
    expect(errorsOf(subject)).toEqual({ 'value.avro.version': "A version is 'latest' or a number from 1" })
    const pasted = draft((x) => Object.assign(x.value, { kind: 'avro' }) && Object.assign(x.value.avro, { source: 'pasted', schema: '[1]' }))
    expect(errorsOf(pasted)).toEqual({ 'value.avro.schema': 'An Avro schema is a JSON object: {"type": "record", …}' })
  })

  it('builds Protobuf specs from a subject or pasted .proto, which needs a message name', () => {
    const fromSubject = draft((x) => Object.assign(x.value, { kind: 'protobuf' }) && Object.assign(x.value.protobuf, { subject: 'p-value', messageName: 'a.B' }))
    expect(draftToArgs(fromSubject)).toMatchObject({ ok: true, args: { valueSpec: { kind: 'protobuf', source: { subject: 'p-value', messageName: 'a.B' }, protocol: 'serdes' } } })
    const pasted = draft((x) => Object.assign(x.value, { kind: 'protobuf' }) && Object.assign(x.value.protobuf, { source: 'pasted', proto: 'syntax = "proto3";' }))
    expect(errorsOf(pasted)).toEqual({ 'value.protobuf.messageName': 'Name the message the records hold (package.Message)' })
  })

  it('renames or drops the deephaven.* columns through properties and catches name clashes', () => {
    const d = draft((x) => {
      x.common.partition.on = false
      x.common.offset.name = 'Off'
      x.common.receiveTime.on = true
    })
    expect(draftToArgs(d)).toMatchObject({
      ok: true,
      args: { properties: { 'deephaven.partition.column.name': '', 'deephaven.offset.column.name': 'Off', 'deephaven.receivetime.column.name': 'KafkaReceiveTime' } }
    })
    d.value.simple.columnName = 'Off'
    expect(errorsOf(d)).toEqual({ 'value.simple.columnName': "'Off' is also the common column" })
    expect(errorsOf(draft((x) => (x.key.kind = x.value.kind = 'ignore')))).toEqual({ 'value.kind': 'Key and value cannot both be ignored' })
  })

  it('adds the headers column, lifted headers and the error policy', () => {
    const d = draft((x) => {
      x.headersColumn.on = true
      x.liftHeaders = [{ header: 'trace-id', column: 'Trace', type: 'string' }]
      x.onError = 'fail'
      x.tableType = 'ring'
      x.ringCapacity = '1,000'
    })
    expect(draftToArgs(d)).toMatchObject({
      ok: true,
      args: { headers: { column: 'Headers', lift: [{ header: 'trace-id', column: 'Trace', type: 'string' }] }, onError: 'fail', tableType: { kind: 'ring', capacity: 1000 } }
    })
  })

  it('reads the JSON object processor from its JSON description, naming what is wrong', () => {
    const d = draft((x) => {
      x.value.kind = 'jsonObject'
      x.value.jsonObject.text = '{"fields": {"sym": {"kind": "string"}, "at": {"kind": "instant", "numberFormat": "ms"}}, "allowNull": true}'
    })
    expect(draftToArgs(d)).toMatchObject({
      ok: true,
      args: { valueSpec: { kind: 'jsonObject', fields: { sym: { kind: 'string' }, at: { kind: 'instant', numberFormat: 'ms' } }, allowNull: true } }
    })
    d.value.jsonObject.text = '{"fields": {"sym": {"kind": "text"}}}'
    expect(errorsOf(d)['value.jsonObject.text']).toMatch(/^fields\.sym\.kind: /)
    d.value.jsonObject.text = '{"fields": {}}'
    expect(errorsOf(d)['value.jsonObject.text']).toBe('fields: at least one field is needed')
    d.value.jsonObject.text = '{'
    expect(errorsOf(d)['value.jsonObject.text']).toMatch(/^Not valid JSON/)
  })
})
