import type { KafkaRecord } from './kafkajsCluster'

const ABORT_MARKER_KEY = Buffer.from([0, 0, 0, 0])

/**
 * Drops records of aborted transactions (read_committed): a transaction of a producer starts at the aborted
 * transaction's first offset and ends at that producer's abort control record.
 */
export function filterAbortedRecords(
  records: readonly KafkaRecord[],
  aborted: readonly { producerId: string; firstOffset: string }[]
): KafkaRecord[] {
  const pending = aborted.map((t) => ({ producerId: t.producerId, firstOffset: Number(t.firstOffset) })).sort((a, b) => a.firstOffset - b.firstOffset)
  const abortedProducers = new Set<string>()
  const kept: KafkaRecord[] = []
  for (const record of records) {
    const offset = Number(record.offset)
    while (pending.length > 0 && pending[0].firstOffset <= offset) abortedProducers.add(pending.shift()!.producerId)
    const producerId = record.batchContext.producerId
    if (record.isControlRecord) {
      if (record.key !== null && record.key.length >= 4 && record.key.subarray(0, 4).equals(ABORT_MARKER_KEY)) abortedProducers.delete(producerId)
      kept.push(record)
      continue
    }
    if (record.batchContext.inTransaction && abortedProducers.has(producerId)) continue
    kept.push(record)
  }
  return kept
}
