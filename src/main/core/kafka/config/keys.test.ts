import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifyKey, editDistance, IGNORED_KEYS, IGNORED_PREFIXES, MAPPED_KEYS, REGISTRY_KEYS, suggestKey, UNSUPPORTED_KEYS } from './keys'

const DOC = readFileSync(new URL('../../../../../docs/kafka-properties.md', import.meta.url), 'utf8')

describe('key catalogue', () => {
  it('classifies keys', () => {
    expect(classifyKey('bootstrap.servers')).toBe('mapped')
    expect(classifyKey('deephaven.key.column.type')).toBe('mapped')
    expect(classifyKey('enable.auto.commit')).toBe('ignored')
    expect(classifyKey('metrics.num.samples')).toBe('ignored')
    expect(classifyKey('sasl.kerberos.service.name')).toBe('ignored')
    expect(classifyKey('ssl.engine.factory.class')).toBe('unsupported')
    expect(classifyKey('schema.registry.url')).toBe('registry')
    expect(classifyKey('schema.registry.basic.auth.user.info')).toBe('registry')
    expect(classifyKey('bearer.auth.token')).toBe('registry')
    expect(classifyKey('schema.registry.')).toBe('unknown')
    expect(classifyKey('deephaven.table.type')).toBe('unknown')
    expect(classifyKey('toString')).toBe('unknown')
    expect(classifyKey('__proto__')).toBe('unknown')
  })

  it('suggests close keys only', () => {
    expect(suggestKey('bootstrap.server')).toBe('bootstrap.servers')
    expect(suggestKey('BOOTSTRAP_SERVERS')).toBe('bootstrap.servers')
    expect(suggestKey('security.protocal')).toBe('security.protocol')
    expect(suggestKey('ssl.trustore.location')).toBe('ssl.truststore.location')
    expect(suggestKey('deephaven.partiton.column.name')).toBe('deephaven.partition.column.name')
    expect(suggestKey('banana')).toBeUndefined()
    expect(suggestKey('')).toBeUndefined()
  })

  it('computes edit distances', () => {
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })

  it('documents every key it knows in docs/kafka-properties.md', () => {
    const keys = [...MAPPED_KEYS, ...Object.keys(IGNORED_KEYS), ...Object.keys(UNSUPPORTED_KEYS), ...REGISTRY_KEYS]
    const missing = keys.filter((k) => !DOC.includes(`\`${k}\``))
    const prefixes = IGNORED_PREFIXES.map((p) => p.prefix).filter((p) => !DOC.includes(`\`${p.endsWith('.') ? `${p}*` : p}\``))
    expect(missing).toEqual([])
    expect(prefixes).toEqual([])
  })
})
