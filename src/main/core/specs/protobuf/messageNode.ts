import type { ColumnWriter } from '../../engine/columnWriter'
import { RecordDecodeError } from '../recordDecodeError'
import { WT_I64, WT_LEN, WT_VARINT, truncated, type WireCursor } from './wireCursor'

export const SLOT_SCALAR = 0
export const SLOT_MESSAGE = 1
export const SLOT_LIST = 2

/** Writes this child's column(s) after the message was scanned. */
export type ChildWriter = (node: MessageNode, c: WireCursor, writers: readonly ColumnWriter[], first: number) => void
/** Writes nulls into this child's column(s) (the enclosing message is absent). */
export type ChildNuller = (writers: readonly ColumnWriter[], first: number) => void

export interface SlotSpec {
  fieldNumber: number
  kind: typeof SLOT_SCALAR | typeof SLOT_MESSAGE | typeof SLOT_LIST
  /** Wire type a SCALAR slot accepts (others are skipped like unknown fields). */
  wire: number
  /** Slot indexes of the other members of the field's oneof. */
  oneofPeers: readonly number[]
}

/**
 * One message type at one place of the column tree, compiled once. `scan` records where each wanted field's last
 * value (scalars) or every value (messages, repeated fields) lies; then each child writes its columns from there.
 */
export class MessageNode {
  /** SCALAR slots: position of the last value, -1 when absent. */
  readonly starts: Int32Array
  /** MESSAGE slots: (start, end) pairs; LIST slots: (start, end, wire type) triples. */
  readonly ranges: number[][]
  private readonly kinds: Uint8Array
  private readonly hasRanges: boolean
  private readonly wires: Uint8Array
  private readonly peers: (readonly number[] | null)[]
  private readonly byNumber: Int32Array | null
  private readonly byNumberMap: Map<number, number> | null
  private readonly writersOf: ChildWriter[] = []
  private readonly nullersOf: ChildNuller[] = []

  constructor(slots: readonly SlotSpec[]) {
    const n = slots.length
    this.starts = new Int32Array(n).fill(-1)
    this.ranges = slots.map(() => [])
    this.kinds = Uint8Array.from(slots.map((s) => s.kind))
    this.hasRanges = slots.some((s) => s.kind !== SLOT_SCALAR)
    this.wires = Uint8Array.from(slots.map((s) => s.wire))
    this.peers = slots.map((s) => (s.oneofPeers.length > 0 ? s.oneofPeers : null))
    const max = slots.reduce((m, s) => Math.max(m, s.fieldNumber), 0)
    if (max <= 65536) {
      this.byNumber = new Int32Array(max + 1).fill(-1)
      slots.forEach((s, i) => ((this.byNumber as Int32Array)[s.fieldNumber] = i))
      this.byNumberMap = null
    } else {
      this.byNumber = null
      this.byNumberMap = new Map(slots.map((s, i) => [s.fieldNumber, i]))
    }
  }

  addChild(write: ChildWriter, writeNull: ChildNuller): void {
    this.writersOf.push(write)
    this.nullersOf.push(writeNull)
  }

  reset(): void {
    const starts = this.starts
    for (let i = 0; i < starts.length; i++) starts[i] = -1
    if (!this.hasRanges) return
    const ranges = this.ranges
    for (let i = 0; i < ranges.length; i++) if (ranges[i].length !== 0) ranges[i].length = 0
  }

  /** Records the fields of the message bytes [start, end); call reset() first, and once per merged occurrence. */
  scan(c: WireCursor, start: number, end: number): void {
    const savedEnd = c.end
    c.end = end
    const buf = c.buf
    const byNumber = this.byNumber
    const starts = this.starts
    const kinds = this.kinds
    const wires = this.wires
    const peers = this.peers
    let p = start
    while (p < end) {
      let tag = buf[p]
      if (tag < 0x80) {
        p++
      } else {
        c.pos = p
        tag = c.readVarint32()
        p = c.pos
      }
      const num = tag >>> 3
      const wt = tag & 7
      const s = byNumber !== null ? (num < byNumber.length ? byNumber[num] : -1) : (this.byNumberMap?.get(num) ?? -1)
      if (s >= 0 && kinds[s] === SLOT_SCALAR && wt === wires[s]) {
        if (peers[s] !== null) this.clearPeers(s)
        starts[s] = p
        if (wt === WT_VARINT) {
          while (p < end && buf[p] >= 0x80) p++
          if (p >= end) throw truncated()
          p++
        } else if (wt === WT_LEN) {
          const n = buf[p]
          if (n < 0x80 && p + 1 + n <= end) {
            p += 1 + n
          } else {
            c.pos = p
            p = c.readLength()
          }
        } else {
          p += wt === WT_I64 ? 8 : 4
          if (p > end) throw truncated()
        }
        continue
      }
      if (num === 0) throw new RecordDecodeError('malformed Protobuf payload (field number 0)')
      c.pos = p
      if (s < 0 || kinds[s] === SLOT_SCALAR) {
        c.skip(wt, num)
      } else if (kinds[s] === SLOT_MESSAGE) {
        if (wt === WT_LEN) {
          const e = c.readLength()
          if (peers[s] !== null) this.clearPeers(s)
          this.ranges[s].push(c.pos, e)
          c.pos = e
        } else {
          c.skip(wt, num)
        }
      } else if (wt === WT_LEN) {
        const e = c.readLength()
        this.ranges[s].push(c.pos, e, wt)
        c.pos = e
      } else {
        c.skip(wt, num)
        this.ranges[s].push(p, c.pos, wt)
      }
      p = c.pos
    }
    c.end = savedEnd
  }

  private clearPeers(s: number): void {
    for (const p of this.peers[s] as readonly number[]) {
      this.starts[p] = -1
      this.ranges[p].length = 0
    }
  }

  /** Writes every column of this (scanned) message. */
  write(c: WireCursor, writers: readonly ColumnWriter[], first: number): void {
    const ws = this.writersOf
    for (let i = 0; i < ws.length; i++) ws[i](this, c, writers, first)
  }

  /** Writes null into every column (the message is absent). */
  writeNull(writers: readonly ColumnWriter[], first: number): void {
    const ns = this.nullersOf
    for (let i = 0; i < ns.length; i++) ns[i](writers, first)
  }
}
