import { describe, expect, it } from 'vitest'
import { inferKafkaVersion, type ApiVersionRanges } from './kafkaVersion'

function ranges(keys: number[], fetchMin = 0): ApiVersionRanges {
  const out: Record<number, { minVersion: number; maxVersion: number }> = {}
  for (const key of keys) out[key] = { minVersion: 0, maxVersion: 3 }
  out[1] = { minVersion: fetchMin, maxVersion: 12 }
  return out
}

const upTo = (last: number) => Array.from({ length: last + 1 }, (_, i) => i)

describe('inferKafkaVersion', () => {
  it('says nothing without API versions', () => {
    expect(inferKafkaVersion(null)).toBeNull()
    expect(inferKafkaVersion({})).toBeNull()
  })

  it('infers the release from the newest API the broker offers', () => {
    expect(inferKafkaVersion(ranges(upTo(50)))).toBe('≥ 2.6 (inferred from the API versions)')
    expect(inferKafkaVersion(ranges(upTo(67)))).toBe('≥ 3.0 (inferred from the API versions)')
    expect(inferKafkaVersion(ranges(upTo(75)))).toBe('≥ 3.8 (inferred from the API versions)')
    expect(inferKafkaVersion(ranges(upTo(32)))).toBe('≥ 0.11 (inferred from the API versions)')
  })

  it('a broker that dropped Fetch v0–v3 is 4.0 or newer; one with StreamsGroupHeartbeat 4.1 or newer', () => {
    expect(inferKafkaVersion(ranges(upTo(81), 4))).toBe('≥ 4.0 (inferred from the API versions)')
    expect(inferKafkaVersion(ranges(upTo(94), 4))).toBe('≥ 4.1 (inferred from the API versions)')
  })

  it('a broker without ApiVersions in its list is older than 0.10', () => {
    expect(inferKafkaVersion(ranges([0, 1, 2, 3]))).toBe('older than 0.10 (inferred from the API versions)')
  })
})
