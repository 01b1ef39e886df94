/** What a broker answered to ApiVersions: per API key, the request versions it accepts. */
export type ApiVersionRanges = Readonly<Record<number, { minVersion: number; maxVersion: number }>>

const FETCH = 1

/**
 * The first Kafka release that has each API, newest first. Kafka does not tell clients its version, so it is
 * inferred from the APIs the broker offers (and, for 4.0, from the old request versions it dropped).
 */
const API_INTRODUCED: readonly { apiKey: number; release: string }[] = [
  { apiKey: 88, release: '4.1' }, // StreamsGroupHeartbeat
  { apiKey: 80, release: '3.9' }, // AddRaftVoter
  { apiKey: 75, release: '3.8' }, // DescribeTopicPartitions
  { apiKey: 71, release: '3.7' }, // GetTelemetrySubscriptions
  { apiKey: 68, release: '3.6' }, // ConsumerGroupHeartbeat (early access)
  { apiKey: 67, release: '3.0' }, // AllocateProducerIds
  { apiKey: 60, release: '2.8' }, // DescribeCluster
  { apiKey: 57, release: '2.7' }, // UpdateFeatures
  { apiKey: 48, release: '2.6' }, // DescribeClientQuotas
  { apiKey: 47, release: '2.4' }, // OffsetDelete
  { apiKey: 44, release: '2.3' }, // IncrementalAlterConfigs
  { apiKey: 43, release: '2.2' }, // ElectLeaders
  { apiKey: 42, release: '1.1' }, // DeleteGroups
  { apiKey: 37, release: '1.0' }, // CreatePartitions
  { apiKey: 32, release: '0.11' }, // DescribeConfigs
  { apiKey: 18, release: '0.10' } // ApiVersions
]

/**
 * "≥ 4.0 (inferred from the API versions)", or null when the broker gave no API versions.
 * Kafka 4.0 removed Fetch v0–v3 (KIP-896), so a broker refusing them is 4.0 or newer.
 */
export function inferKafkaVersion(versions: ApiVersionRanges | null | undefined): string | null {
  if (!versions || Object.keys(versions).length === 0) return null
  const known = API_INTRODUCED.find(({ apiKey }) => versions[apiKey] !== undefined)
  const fetch = versions[FETCH]
  if (fetch !== undefined && fetch.minVersion >= 4 && (known === undefined || Number(known.release) < 4)) return '≥ 4.0 (inferred from the API versions)'
  return known === undefined ? 'older than 0.10 (inferred from the API versions)' : `≥ ${known.release} (inferred from the API versions)`
}
