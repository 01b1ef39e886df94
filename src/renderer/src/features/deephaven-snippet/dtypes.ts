import { COLUMN_TYPES, type ScalarType } from '../../../../shared/model/columns'

// Deephaven dtypes (deephaven/dtypes.py) as the app's column types. Where the app may gain an exact type
// (decimal, date, ...), `type` names it; until COLUMN_TYPES has it, the fallback is used and the user is told.

interface DtypeMapping {
  type: string
  /** Told to the user when `type` is used but is not quite the Deephaven type. */
  note?: string
  fallback?: { type: ScalarType; note: string }
}

const asText = (what: string): DtypeMapping['fallback'] => ({ type: 'string', note: `${what} is read as text (string)` })

const DTYPES: Record<string, DtypeMapping> = {
  bool_: { type: 'bool' },
  byte: { type: 'int16', note: 'an 8-bit integer is read as int16' },
  int8: { type: 'int16', note: 'an 8-bit integer is read as int16' },
  short: { type: 'int16' },
  int16: { type: 'int16' },
  char: { type: 'string', note: 'a char is read as a one-character string' },
  int32: { type: 'int32' },
  long: { type: 'int64' },
  int64: { type: 'int64' },
  int_: { type: 'int64' },
  float32: { type: 'float32' },
  single: { type: 'float32' },
  float64: { type: 'float64' },
  double: { type: 'float64' },
  float_: { type: 'float64' },
  string: { type: 'string' },
  Instant: { type: 'timestamp' },
  ZonedDateTime: { type: 'timestamp', note: 'a ZonedDateTime is read as a timestamp (the zone is not kept)' },
  byte_array: { type: 'bytes' },
  BigDecimal: { type: 'decimal', fallback: asText('a BigDecimal') },
  BigInteger: { type: 'decimal', fallback: asText('a BigInteger') },
  LocalDate: { type: 'date', fallback: asText('a LocalDate') },
  LocalTime: { type: 'time', fallback: asText('a LocalTime') },
  Duration: { type: 'duration', fallback: asText('a Duration') },
  Period: { type: 'period', fallback: asText('a Period') }
}

export type DtypeResult = { ok: true; type: ScalarType; note?: string } | { ok: false; reason: string }

/** The column type for `dtypes.<name>`. */
export function columnTypeForDtype(name: string): DtypeResult {
  const mapping = DTYPES[name]
  if (!mapping) {
    return { ok: false, reason: name.endsWith('_array') ? `dtypes.${name}: array columns have no equivalent in the editor` : `dtypes.${name} has no equivalent column type in the editor` }
  }
  const known = (COLUMN_TYPES as readonly string[]).includes(mapping.type)
  if (known) return mapping.note ? { ok: true, type: mapping.type as ScalarType, note: `dtypes.${name} → ${mapping.type}: ${mapping.note}` } : { ok: true, type: mapping.type as ScalarType }
  const fallback = mapping.fallback!
  return { ok: true, type: fallback.type, note: `dtypes.${name} → ${fallback.type}: ${fallback.note}` }
}
