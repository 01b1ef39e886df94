import type { ColumnType } from '../../../../shared/model/columns'
import type { CellValue } from './cellValue'

/** How a cell looks: the grid picks alignment, font and colour from the kind. */
export type CellKind = 'num' | 'text' | 'time' | 'bool' | 'bytes' | 'null'

export interface FormattedCell {
  readonly text: string
  readonly kind: CellKind
  /** bytes: the printable-ASCII preview shown after the hex. */
  readonly preview?: string
}

/** 'local' for the window; 'utc' for tests and for anyone who wants it. */
export type TimeZoneMode = 'local' | 'utc'

const NULL_CELL: FormattedCell = Object.freeze({ text: 'null', kind: 'null' })

/** The kind a non-null value of the type gets: a cell keeps its class while its row loads, so only its text changes. */
export function kindOfType(type: ColumnType): CellKind {
  switch (type) {
    case 'timestamp':
    case 'date':
      return 'time'
    case 'bool':
    case 'bytes':
      return type
    default:
      return NUMERIC.has(type) || type === 'duration' ? 'num' : 'text'
  }
}

/** Display text at most this long; a cell is narrower than that anyway. */
const MAX_TEXT = 400
/** Bytes shown in a cell (the copy has them all). */
const MAX_BYTES_SHOWN = 48

const NUMERIC: ReadonlySet<ColumnType> = new Set(['int16', 'int32', 'int64', 'float32', 'float64', 'decimal'])

export function isNumericType(type: ColumnType): boolean {
  return NUMERIC.has(type)
}

/** The kind a cell of the type shows its value with (null has its own). */
export function cellKind(value: CellValue, type: ColumnType): CellKind {
  return value === null ? 'null' : kindOfType(type)
}

/** The text one cell value shows, as the engine sends it (see ViewportData in src/shared/model/views.ts); bytes: the hex. */
export function formatCellText(value: CellValue, type: ColumnType, zone: TimeZoneMode = 'local'): string {
  if (value === null) return NULL_CELL.text
  switch (type) {
    case 'timestamp':
      return formatTimestampNs(value, zone)
    case 'bool':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'decimal':
    case 'date':
      return String(value)
    case 'bytes':
      return bytesToHex(base64ToBytes(String(value)), MAX_BYTES_SHOWN)
    case 'float32':
    case 'float64':
      return formatFloat(value, type)
    case 'duration':
      return formatDurationNs(value)
    default: {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
      return singleLine(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '…' : text)
    }
  }
}

/** The text and kind of one cell value (and a bytes cell's preview). */
export function formatCell(value: CellValue, type: ColumnType, zone: TimeZoneMode = 'local'): FormattedCell {
  if (value === null) return NULL_CELL
  if (type !== 'bytes') return { text: formatCellText(value, type, zone), kind: kindOfType(type) }
  const bytes = base64ToBytes(String(value))
  return { text: bytesToHex(bytes, MAX_BYTES_SHOWN), kind: 'bytes', preview: bytesPreview(bytes, MAX_BYTES_SHOWN) }
}

/** The text a copy puts on the clipboard: what the cell shows, but whole; null is empty. */
export function cellText(value: CellValue, type: ColumnType, zone: TimeZoneMode = 'local'): string {
  if (value === null) return ''
  switch (type) {
    case 'timestamp':
      return formatTimestampNs(value, zone)
    case 'bytes':
      return bytesToHex(base64ToBytes(String(value)))
    case 'float32':
    case 'float64':
      return formatFloat(value, type)
    case 'duration':
      return formatDurationNs(value)
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

function singleLine(text: string): string {
  return /[\r\n\t]/.test(text) ? text.replace(/\r\n|[\r\n\t]/g, ' ') : text
}

/** float32 values print with the fewest digits that read back as the same float32 (0.1, not 0.10000000149011612). */
export function formatFloat(value: CellValue, type: 'float32' | 'float64'): string {
  if (typeof value !== 'number') return String(value) // 'NaN', 'Infinity', '-Infinity'
  if (type === 'float64' || !Number.isFinite(value)) return String(value)
  for (let digits = 1; digits < 10; digits++) {
    const short = Number(value.toPrecision(digits))
    if (Math.fround(short) === value) return String(short)
  }
  return String(value)
}

const NS_PER_MS = 1_000_000n

/** Nanoseconds (decimal string) as `1h 02m 03.250s`, `-3.000000001s`, `2d 00h 00m 00s`: zero fractions dropped. */
export function formatDurationNs(ns: CellValue): string {
  let big: bigint
  try {
    big = BigInt(ns as string | number)
  } catch {
    return String(ns)
  }
  const sign = big < 0n ? '-' : ''
  if (big < 0n) big = -big
  const fraction = (big % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '')
  let seconds = big / 1_000_000_000n
  const parts: string[] = []
  for (const [unit, size] of [['d', 86400n], ['h', 3600n], ['m', 60n]] as const) {
    if (seconds >= size || parts.length > 0) {
      parts.push(`${parts.length > 0 ? pad(Number(seconds / size), 2) : seconds / size}${unit}`)
      seconds %= size
    }
  }
  const secondText = `${parts.length > 0 ? pad(Number(seconds), 2) : seconds}${fraction === '' ? '' : '.' + fraction.padEnd(3, '0')}s`
  return sign + [...parts, secondText].join(' ')
}

/** Epoch nanoseconds (decimal string or safe integer) as `YYYY-MM-DD HH:mm:ss.SSS`. */
export function formatTimestampNs(ns: CellValue, zone: TimeZoneMode = 'local'): string {
  if (typeof ns === 'string' && ns.length > 6 && ns.length < 22 && /^\d+$/.test(ns)) return formatEpochMs(Number(ns.slice(0, -6)), zone)
  let big: bigint
  try {
    big = BigInt(ns as string | number)
  } catch {
    return String(ns)
  }
  let ms = big / NS_PER_MS
  if (big < 0n && ms * NS_PER_MS !== big) ms -= 1n // floor, not truncate
  return formatEpochMs(Number(ms), zone)
}

/** The last second formatted, per zone: the rows a grid draws are mostly within a few seconds of each other. */
const lastSecond: Record<TimeZoneMode, { second: number; text: string }> = { local: { second: NaN, text: '' }, utc: { second: NaN, text: '' } }

/** The largest distance from the epoch a Date can hold. */
const MAX_DATE_MS = 8.64e15

export function formatEpochMs(ms: number, zone: TimeZoneMode = 'local'): string {
  if (!Number.isInteger(ms) || Math.abs(ms) > MAX_DATE_MS - 1000) return formatEpochMsUncached(ms, zone)
  const second = Math.floor(ms / 1000)
  const cached = lastSecond[zone]
  if (cached.second !== second) {
    cached.text = formatEpochMsUncached(second * 1000, zone).slice(0, -3) // 'YYYY-MM-DD HH:mm:ss.'
    cached.second = second
  }
  return cached.text + pad(ms - second * 1000, 3)
}

function formatEpochMsUncached(ms: number, zone: TimeZoneMode): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return String(ms)
  const utc = zone === 'utc'
  const year = utc ? d.getUTCFullYear() : d.getFullYear()
  const parts = utc
    ? [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()]
  const millis = utc ? d.getUTCMilliseconds() : d.getMilliseconds()
  const [month, day, hours, minutes, seconds] = parts.map((n) => pad(n, 2))
  const yearText = year < 0 ? '-' + pad(-year, 4) : pad(year, 4)
  return `${yearText}-${month}-${day} ${hours}:${minutes}:${seconds}.${pad(millis, 3)}`
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

export function base64ToBytes(base64: string): Uint8Array {
  let binary: string
  try {
    binary = atob(base64)
  } catch {
    return new Uint8Array(0)
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** Lower-case hex, two digits a byte; with `max`, the first `max` bytes and an ellipsis. */
export function bytesToHex(bytes: Uint8Array, max = Infinity): string {
  const n = Math.min(bytes.length, max)
  let out = ''
  for (let i = 0; i < n; i++) out += HEX[bytes[i]]
  return n < bytes.length ? out + '…' : out
}

/** Printable ASCII as is, anything else as a middle dot. */
export function bytesPreview(bytes: Uint8Array, max = Infinity): string {
  const n = Math.min(bytes.length, max)
  let out = ''
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·'
  }
  return n < bytes.length ? out + '…' : out
}
