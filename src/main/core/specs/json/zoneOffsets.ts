/**
 * UTC offsets of named time zones (IANA names such as 'America/New_York', and 'UTC'/'GMT'), through Intl, for ISO-8601
 * text that names its zone instead of giving an offset.
 */
import { daysFromCivil } from '../../engine/calendarDate'

const MAX_ZONES = 64
const formats = new Map<string, Intl.DateTimeFormat | null>()

function formatOf(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone)
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short'
      })
    } catch {
      format = null // not a zone Intl knows
    }
    if (formats.size >= MAX_ZONES) formats.clear()
    formats.set(zone, format)
  }
  return format
}

/** Whether Intl knows the zone. */
export function isKnownZone(zone: string): boolean {
  return formatOf(zone) !== null
}

/** The zone's offset from UTC in seconds at the instant `epochSeconds`. */
function offsetAt(format: Intl.DateTimeFormat, epochSeconds: number): number {
  const parts = format.formatToParts(new Date(epochSeconds * 1000))
  let year = 0
  let month = 0
  let day = 0
  let hour = 0
  let minute = 0
  let second = 0
  let bc = false
  for (const part of parts) {
    const v = Number(part.value)
    switch (part.type) {
      case 'year': year = v; break
      case 'month': month = v; break
      case 'day': day = v; break
      case 'hour': hour = v; break
      case 'minute': minute = v; break
      case 'second': second = v; break
      case 'era': bc = part.value === 'BC'; break
    }
  }
  if (bc) year = 1 - year
  const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
  return wall - Math.floor(epochSeconds)
}

/**
 * The offset in seconds that maps the wall-clock time `localSeconds` (seconds since 1970-01-01T00:00 on the zone's
 * clock) to UTC in `zone`, or null for an unknown zone. As java.time does, a wall time in an overlap (fall back) gets the
 * offset before the transition (the earlier instant), and one in a gap (spring forward) too (so it moves later by the gap).
 */
export function zoneOffsetSeconds(zone: string, localSeconds: number): number | null {
  const format = formatOf(zone)
  if (format === null) return null
  const before = offsetAt(format, localSeconds - 86400)
  const after = offsetAt(format, localSeconds + 86400)
  if (before === after) return before
  // A transition nearby: the offset before it, unless the wall time lies only after it.
  if (offsetAt(format, localSeconds - before) === before) return before
  return offsetAt(format, localSeconds - after) === after ? after : before
}
