import { describe, expect, it } from 'vitest'
import { defaultWidth } from './useGridColumns'

describe('defaultWidth', () => {
  it('fits the type, or the header when that is wider, up to a limit', () => {
    expect(defaultWidth({ name: 'n', type: 'int32' })).toBe(110)
    expect(defaultWidth({ name: 'KafkaPartition', type: 'int32' })).toBeGreaterThan(150)
    expect(defaultWidth({ name: 'x'.repeat(200), type: 'string' })).toBe(320)
  })
})
