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
})
