import { DONT_SEEK, SEEK_TO_BEGINNING, SEEK_TO_END, type Offsets, type OffsetValue } from '../api/seek'

export type AutoOffsetReset = 'earliest' | 'latest' | 'none'

/** Where each partition starts, before anything is asked of the broker. */
export type StartPosition = { kind: 'offset'; offset: number } | { kind: 'beginning' } | { kind: 'end' } | { kind: 'dontSeek' }

export class OffsetsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OffsetsError'
  }
}

export function parseOffsetValue(value: OffsetValue, partition: number): StartPosition {
  let n: number
  if (typeof value === 'bigint') n = Number(value)
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) n = Number(value.trim())
  else if (typeof value === 'number') n = value
  else throw new OffsetsError(`offsets[${partition}]: '${String(value)}' is not an offset or a seek constant`)
  if (!Number.isSafeInteger(n)) throw new OffsetsError(`offsets[${partition}]: ${String(value)} is not a whole number within ±2^53`)
  if (n === SEEK_TO_BEGINNING) return { kind: 'beginning' }
  if (n === SEEK_TO_END) return { kind: 'end' }
  if (n === DONT_SEEK) return { kind: 'dontSeek' }
  if (n < 0) {
    throw new OffsetsError(
      `offsets[${partition}]: ${n} is neither an offset nor a seek constant (SEEK_TO_BEGINNING=-1, DONT_SEEK=-2, SEEK_TO_END=-3)`
    )
  }
  return { kind: 'offset', offset: n }
}

/** Validates an offsets map; key -1 sets the position of every partition the map does not name. */
export function parseOffsets(offsets: Offsets | undefined): (partition: number) => StartPosition {
  if (offsets === undefined || offsets === null) return () => ({ kind: 'dontSeek' })
  if (typeof offsets !== 'object' || Array.isArray(offsets)) {
    throw new OffsetsError('offsets must be one of the ALL_PARTITIONS_* constants or a map of partition to offset')
  }
  const byPartition = new Map<number, StartPosition>()
  let fallback: StartPosition = { kind: 'dontSeek' }
  for (const [key, value] of Object.entries(offsets)) {
    const partition = Number(key)
    if (!Number.isInteger(partition) || partition < -1) throw new OffsetsError(`offsets: '${key}' is not a partition number`)
    const position = parseOffsetValue(value, partition)
    if (partition === -1) fallback = position
    else byPartition.set(partition, position)
  }
  return (partition) => byPartition.get(partition) ?? fallback
}

export interface OffsetLookups {
  autoOffsetReset: AutoOffsetReset
  groupId?: string
  committed(): Promise<Map<number, number>>
  earliest(partitions: number[]): Promise<Map<number, number>>
  latest(partitions: number[]): Promise<Map<number, number>>
}

/** Kafka's own rule: DONT_SEEK starts at the group's committed offset, else at auto.offset.reset. */
export async function resolveStartOffsets(
  topic: string,
  partitions: number[],
  positionOf: (partition: number) => StartPosition,
  lookups: OffsetLookups
): Promise<Map<number, number>> {
  const result = new Map<number, number>()
  const needEarliest: number[] = []
  const needLatest: number[] = []
  const committed = lookups.groupId !== undefined && partitions.some((p) => positionOf(p).kind === 'dontSeek') ? await lookups.committed() : new Map<number, number>()
  for (const partition of partitions) {
    const position = positionOf(partition)
    if (position.kind === 'offset') result.set(partition, position.offset)
    else if (position.kind === 'beginning') needEarliest.push(partition)
    else if (position.kind === 'end') needLatest.push(partition)
    else {
      const offset = committed.get(partition)
      if (offset !== undefined && offset >= 0) result.set(partition, offset)
      else if (lookups.autoOffsetReset === 'earliest') needEarliest.push(partition)
      else if (lookups.autoOffsetReset === 'latest') needLatest.push(partition)
      else {
        throw new OffsetsError(
          `Topic '${topic}' partition ${partition}: no committed offset` +
            (lookups.groupId === undefined ? ' (no group.id given)' : ` for group '${lookups.groupId}'`) +
            ` and auto.offset.reset=none; choose an offset or a seek constant`
        )
      }
    }
  }
  const [earliest, latest] = await Promise.all([
    needEarliest.length > 0 ? lookups.earliest(needEarliest) : new Map<number, number>(),
    needLatest.length > 0 ? lookups.latest(needLatest) : new Map<number, number>()
  ])
  for (const p of needEarliest) result.set(p, earliest.get(p) ?? 0)
  for (const p of needLatest) result.set(p, latest.get(p) ?? 0)
  return result
}
