/** Offsets as Deephaven defines them: the first record read has this offset, or one of the seek constants. */
export const SEEK_TO_BEGINNING = -1
export const DONT_SEEK = -2
export const SEEK_TO_END = -3

export type SeekConstant = typeof SEEK_TO_BEGINNING | typeof DONT_SEEK | typeof SEEK_TO_END

/** An offset: a non-negative offset (number, bigint or decimal string) or a seek constant. */
export type OffsetValue = number | bigint | string

/**
 * Per-partition start positions. Partitions missing from the map start with DONT_SEEK; the key -1 sets
 * the position for every partition the map does not name (so the ALL_PARTITIONS_* constants are maps too).
 */
export type Offsets = Readonly<Record<number, OffsetValue>>

/** Every partition of the topic, including partitions added while the table runs. */
export const ALL_PARTITIONS = 'ALL' as const

export const ALL_PARTITIONS_SEEK_TO_BEGINNING: Offsets = Object.freeze({ [-1]: SEEK_TO_BEGINNING })
export const ALL_PARTITIONS_DONT_SEEK: Offsets = Object.freeze({ [-1]: DONT_SEEK })
export const ALL_PARTITIONS_SEEK_TO_END: Offsets = Object.freeze({ [-1]: SEEK_TO_END })
