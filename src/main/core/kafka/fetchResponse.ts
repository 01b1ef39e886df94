/** One partition of a Fetch response (v4–v11); `records` is a view into the response, not a copy. */
export interface FetchedPartitionData {
  partition: number
  errorCode: number
  highWatermark: number
  lastStableOffset: number
  abortedTransactions: { producerId: number; firstOffset: number }[]
  records: Buffer | null
}

export interface FetchResponseData {
  errorCode: number
  clientSideThrottleTime: number
  topics: { topic: string; partitions: FetchedPartitionData[] }[]
}

export class FetchResponseReader {
  private pos = 0
  constructor(private readonly buf: Buffer) {}

  int16(): number {
    const v = this.buf.readInt16BE(this.pos)
    this.pos += 2
    return v
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.pos)
    this.pos += 4
    return v
  }
  int64(): number {
    const v = this.buf.readInt32BE(this.pos) * 4294967296 + this.buf.readUInt32BE(this.pos + 4)
    this.pos += 8
    return v
  }
  string(): string {
    const length = this.int16()
    const v = this.buf.toString('utf8', this.pos, this.pos + length)
    this.pos += length
    return v
  }
  bytes(): Buffer | null {
    const length = this.int32()
    if (length < 0) return null
    const end = Math.min(this.pos + length, this.buf.length)
    const v = this.buf.subarray(this.pos, end)
    this.pos = end
    return v
  }
  array<T>(item: () => T): T[] {
    const count = this.int32()
    const items: T[] = []
    for (let i = 0; i < count; i++) items.push(item())
    return items
  }
}

/** Decodes the Fetch response envelope only; record batches are scanned later, straight into columns. */
export function decodeFetchResponse(raw: Buffer, version: number): FetchResponseData {
  const r = new FetchResponseReader(raw)
  const clientSideThrottleTime = version >= 1 ? r.int32() : 0
  const errorCode = version >= 7 ? r.int16() : 0
  if (version >= 7) r.int32() // session id
  const topics = r.array(() => {
    const topic = r.string()
    const partitions = r.array((): FetchedPartitionData => {
      const partition = r.int32()
      const partitionError = r.int16()
      const highWatermark = r.int64()
      const lastStableOffset = version >= 4 ? r.int64() : -1
      if (version >= 5) r.int64() // log start offset
      const abortedTransactions = version >= 4 ? (r.array(() => ({ producerId: r.int64(), firstOffset: r.int64() })) ?? []) : []
      if (version >= 11) r.int32() // preferred read replica
      return { partition, errorCode: partitionError, highWatermark, lastStableOffset, abortedTransactions, records: r.bytes() }
    })
    return { topic, partitions }
  })
  return { errorCode, clientSideThrottleTime, topics }
}
