import { SpecSchema } from '../../../shared/model/tables'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../shared/ipc/errors'
import { specFromDto } from './specFromDto'

describe('specFromDto', () => {
  it('passes data-only specs through', () => {
    const spec = { kind: 'simple' as const, columnName: 'V', type: 'int32' as const }
    expect(specFromDto(spec, 'value')).toBe(spec)
  })

  it('builds the jsonObject provider from its description', () => {
    const spec = specFromDto(
      { kind: 'jsonObject', fields: { sym: { kind: 'string' }, at: { kind: 'instant', numberFormat: 'ms', allowNull: true }, legs: { kind: 'object', fields: { n: { kind: 'long' } } }, tags: { kind: 'array', element: { kind: 'string' } } } },
      'value'
    )
    expect(spec.kind).toBe('objectProcessor')
    if (spec.kind !== 'objectProcessor') return
    expect(spec.provider.columns()).toEqual([
      { name: 'sym', type: 'string' },
      { name: 'at', type: 'timestamp' },
      { name: 'legs_n', type: 'int64' },
      { name: 'tags', type: 'list<string>' }
    ])
  })

  it('names the part when jsonObject rejects the description', () => {
    expect(() => specFromDto({ kind: 'jsonObject', fields: { a: { kind: 'object', fields: { b: { kind: 'long' } } }, a_b: { kind: 'long' } } }, 'key')).toThrow(
      expect.toSatisfy((e) => isAppError(e, 'BAD_SPEC') && (e as Error).message.startsWith('keySpec: '))
    )
  })

  it('carries every value type and option of the provider over the wire', () => {
    const dto = SpecSchema.parse({
      kind: 'jsonObject',
      fields: {
        qty: { kind: 'int', allowString: true, allowDecimal: true, onNull: 0, allowNull: true },
        px: { kind: 'bigDecimal' },
        day: { kind: 'date', allowMissing: true },
        ttl: { kind: 'duration', allowMissing: true },
        raw: { kind: 'any', allowMissing: true },
        junk: { kind: 'skip' },
        pt: { kind: 'tuple', values: [{ kind: 'double' }, { kind: 'double' }] },
        ev: { kind: 'typedObject', typeField: 'type', shared: { id: { kind: 'long' } }, objects: { buy: { px: { kind: 'double' } }, sell: { qty: { kind: 'long' } } } },
        meta: { kind: 'object', fields: { v: { kind: 'short' } }, allowUnknownFields: false }
      }
    })
    const spec = specFromDto(dto, 'value')
    if (spec.kind !== 'objectProcessor') throw new Error('expected an object processor')
    const columns = spec.provider.columns()
    expect(columns.map((c) => c.name)).not.toContain('junk')
    expect(columns.find((c) => c.name === 'qty')?.type).toBe('int32')
    expect(columns.find((c) => c.name === 'px')?.type).toBe('decimal')
    expect(columns.find((c) => c.name === 'day')?.type).toBe('date')
    expect(columns.find((c) => c.name === 'ttl')?.type).toBe('duration')
    expect(columns.filter((c) => c.name.startsWith('pt'))).toHaveLength(2)
    expect(columns.filter((c) => c.name.startsWith('ev'))).toHaveLength(4)
    expect(columns.find((c) => c.name === 'meta_v')?.type).toBe('int16')
  })

  it('names an option the value type does not take', () => {
    const dto = SpecSchema.parse({ kind: 'jsonObject', fields: { on: { kind: 'bool', onNull: 'yes', allowNull: true } } })
    expect(() => specFromDto(dto, 'key')).toThrow(/keySpec: .*on/)
  })
})
