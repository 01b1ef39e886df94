import type { ColumnDef } from '../types'

export type PreviewCell = string | number | boolean | null

/** A table value as JSON the preview can show: int64 as text, timestamps as ISO text, bytes as base64. */
export function previewCell(column: ColumnDef, value: unknown): PreviewCell {
  if (value === null || value === undefined) return null
  switch (column.type) {
    case 'timestamp':
      return typeof value === 'bigint' ? isoFromNanos(value) : String(value)
    case 'bytes':
      return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : String(value)
    default:
      if (typeof value === 'bigint') return value.toString()
      if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
      if (typeof value === 'string' || typeof value === 'boolean') return value
      return String(value)
  }
}

/** `2024-03-01T09:30:00.123456789Z`: the full nanoseconds, trailing zero groups dropped. */
export function isoFromNanos(nanos: bigint): string {
  const millis = nanos / 1_000_000n - (nanos % 1_000_000n < 0n ? 1n : 0n)
  const subMilli = Number(nanos - millis * 1_000_000n)
  const date = new Date(Number(millis))
  if (Number.isNaN(date.getTime())) return nanos.toString()
  const iso = date.toISOString()
  return subMilli === 0 ? iso : `${iso.slice(0, -1)}${String(subMilli).padStart(6, '0').replace(/0+$/, '')}Z`
}

/** Sampled bytes as UTF-8 text, or base64 when they are not valid UTF-8. */
export function sampleText(value: unknown): { text: string | null; encoding: 'utf8' | 'base64' } {
  if (!(value instanceof Uint8Array)) return { text: null, encoding: 'utf8' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(value), encoding: 'utf8' }
  } catch {
    return { text: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'), encoding: 'base64' }
  }
}
