/** Text forms: exact decimals from two's complement bytes, and compact JSON with exact bigints. */
import { decimalFromUnscaled } from '../../engine/decimalText'

/** Big-endian two's complement bytes [start, end) with `scale` → exact decimal text ("12.3400", "-0.05"). */
export function decimalText(buf: Uint8Array, start: number, end: number, scale: number): string {
  let v = 0n
  for (let i = start; i < end; i++) v = (v << 8n) | BigInt(buf[i])
  if (end > start && buf[start] & 0x80) v -= 1n << BigInt(8 * (end - start))
  return decimalFromUnscaled(v, scale)
}

/** Compact JSON; bigints are written as exact JSON numbers, non-finite numbers as strings. */
export function jsonText(v: unknown): string {
  switch (typeof v) {
    case 'bigint':
      return v.toString()
    case 'number':
      return Number.isFinite(v) ? String(v) : JSON.stringify(String(v))
    case 'string':
      return JSON.stringify(v)
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object': {
      if (v === null) return 'null'
      if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`
      const parts: string[] = []
      for (const [k, x] of Object.entries(v)) parts.push(`${JSON.stringify(k)}:${jsonText(x)}`)
      return `{${parts.join(',')}}`
    }
    default:
      return 'null'
  }
}
