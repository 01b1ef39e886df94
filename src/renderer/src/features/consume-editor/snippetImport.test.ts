import { describe, expect, it } from 'vitest'
import type { OpenTableArgs } from '../../../../shared/model/tables'
import { draftToArgs } from './draftToArgs'
import { newEditorDraft } from './editorDraft'
import { applySnippetArgs, draftFromPrefill } from './snippetImport'

const roundTrip = (args: OpenTableArgs) => draftToArgs(applySnippetArgs(newEditorDraft(), args))

describe('applySnippetArgs', () => {
  it('lays partial args over the draft and keeps the rest', () => {
    const base = newEditorDraft('p0')
    const next = applySnippetArgs(base, { topic: 'orders', valueSpec: { kind: 'avro', schema: 'orders-value', version: 'latest', framing: 'confluent' } })
    expect(next).not.toBe(base)
    expect(base.topic).toBe('')
    expect(next).toMatchObject({ connection: 'profile', profileId: 'p0', topic: 'orders', value: { kind: 'avro', avro: { source: 'registry', subject: 'orders-value', version: 'latest' } } })
    expect(next.key).toEqual(base.key)
  })

  it('round-trips what the editor builds (ad-hoc, per-partition offsets, JSON, common columns, headers)', () => {
    const args: OpenTableArgs = {
      properties: { 'bootstrap.servers': 'b:9092', 'client.id': 'tt', 'deephaven.partition.column.name': '', 'deephaven.offset.column.name': 'Off' },
      topic: 'orders',
      partitions: [0, 2],
      offsets: { '-1': -2, '0': '17', '2': -3 },
      keySpec: { kind: 'simple', columnName: 'K', type: 'int64' },
      valueSpec: { kind: 'json', columns: [{ name: 'Sym', type: 'string' }, { name: 'px', type: 'float64' }], mapping: { '/s/y': 'Sym' } },
      tableType: { kind: 'ring', capacity: 500 },
      onError: 'fail',
      headers: { column: 'H', lift: [{ header: 'x', column: 'X', type: 'int32' }] }
    }
    expect(roundTrip(args)).toEqual({ ok: true, args })
  })

  it('round-trips a profile with Avro (pasted) and Protobuf (subject) specs', () => {
    const args: OpenTableArgs = {
      properties: {},
      profileId: 'p1',
      topic: 't',
      offsets: { '-1': -3 },
      keySpec: { kind: 'protobuf', source: { subject: 'k', version: 2, messageName: 'a.K' }, protocol: 'raw' },
      valueSpec: { kind: 'avro', schema: '{"type":"record","name":"R","fields":[]}', version: 'latest', mapping: { a: 'A' }, mappedOnly: true, framing: 'none' },
      tableType: { kind: 'blink' },
      onError: 'skip'
    }
    expect(roundTrip(args)).toEqual({ ok: true, args })
  })

  it('keeps a profile draft on its profile when the args carry bootstrap servers', () => {
    const next = applySnippetArgs(newEditorDraft('p1'), { properties: { 'bootstrap.servers': 'x:1', 'fetch.max.bytes': 1000 } })
    expect(next).toMatchObject({ connection: 'profile', bootstrapServers: 'localhost:9092', extraProperties: 'fetch.max.bytes=1000' })
  })

  it('round-trips a JSON object processor spec', () => {
    const args: OpenTableArgs = {
      properties: { 'bootstrap.servers': 'b:9092' },
      topic: 't',
      offsets: { '-1': -1 },
      keySpec: { kind: 'ignore' },
      valueSpec: { kind: 'jsonObject', fields: { a: { kind: 'object', fields: { b: { kind: 'array', element: { kind: 'long' }, allowNull: true } } } }, allowMissing: true },
      tableType: { kind: 'append' },
      onError: 'skip'
    }
    expect(roundTrip(args)).toEqual({ ok: true, args })
  })

  it('starts a fresh draft for a navigation request: the topic browser, the registry browser', () => {
    const fromTopic = draftFromPrefill({ profileId: 'p1', args: { topic: 'orders' } }, 'p0')
    expect(fromTopic).toMatchObject({ connection: 'profile', profileId: 'p1', topic: 'orders', value: { kind: 'simple' } })
    const fromRegistry = draftFromPrefill({ args: { topic: 'orders', valueSpec: { kind: 'avro', schema: 'orders-value', version: 4, framing: 'confluent' } } }, 'p0')
    expect(fromRegistry).toMatchObject({ profileId: 'p0', value: { kind: 'avro', avro: { source: 'registry', subject: 'orders-value', version: '4' } } })
    expect(draftFromPrefill({ args: { topic: 'x' } }, null)).toMatchObject({ connection: 'adhoc', topic: 'x' })
  })
})

describe('applySnippetArgs on the editor’s reactive draft', () => {
  it('copies a Vue reactive draft (structuredClone cannot)', async () => {
    const { reactive } = await import('vue')
    const draft = reactive(newEditorDraft(null))
    const next = applySnippetArgs(draft, { topic: 'orders' })
    expect(next.topic).toBe('orders')
  })
})
