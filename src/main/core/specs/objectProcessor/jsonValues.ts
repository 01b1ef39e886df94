/** Deephaven's deephaven.json value types, as far as jsonObject() supports them (see README.md). */

export interface JsonValueOptions {
  /** A missing field reads as null instead of failing the record (default false: strict). */
  readonly allowMissing?: boolean
  /** A JSON null reads as null instead of failing the record (default false: strict). */
  readonly allowNull?: boolean
}

export type InstantNumberFormat = 's' | 'ms' | 'us' | 'ns'

interface Base {
  readonly allowMissing: boolean
  readonly allowNull: boolean
}
export interface JsonLongValue extends Base {
  readonly kind: 'long'
}
export interface JsonDoubleValue extends Base {
  readonly kind: 'double'
}
export interface JsonStringValue extends Base {
  readonly kind: 'string'
}
export interface JsonBoolValue extends Base {
  readonly kind: 'bool'
}
export interface JsonInstantValue extends Base {
  readonly kind: 'instant'
  /** Epoch integers in this unit; absent: ISO-8601 text with a zone. */
  readonly numberFormat?: InstantNumberFormat
}
export interface JsonObjectValue extends Base {
  readonly kind: 'object'
  readonly fields: Readonly<Record<string, JsonValue>>
}
export interface JsonArrayValue extends Base {
  readonly kind: 'array'
  readonly element: JsonValue
}
export type JsonValue = JsonLongValue | JsonDoubleValue | JsonStringValue | JsonBoolValue | JsonInstantValue | JsonObjectValue | JsonArrayValue

const FORMATS: readonly string[] = ['s', 'ms', 'us', 'ns']

function base(options: JsonValueOptions | undefined, what: string): Base {
  if (options !== undefined && (options === null || typeof options !== 'object')) throw new TypeError(`${what}: options must be an object`)
  return { allowMissing: options?.allowMissing === true, allowNull: options?.allowNull === true }
}

export function checkFields(fields: unknown, what: string): Readonly<Record<string, JsonValue>> {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new TypeError(`${what}: fields must be an object of value types`)
  const entries = Object.entries(fields)
  if (entries.length === 0) throw new TypeError(`${what}: at least one field is needed`)
  for (const [name, value] of entries) checkValue(value, `${what} field '${name}'`)
  return Object.freeze({ ...(fields as Record<string, JsonValue>) })
}

function checkValue(value: unknown, what: string): void {
  const kind = (value as { kind?: unknown } | null)?.kind
  if (typeof kind !== 'string' || !['long', 'double', 'string', 'bool', 'instant', 'object', 'array'].includes(kind)) {
    throw new TypeError(`${what}: not a value type (use jsonObject.long(), .double(), .string(), .bool(), .instant(), .object(), .array())`)
  }
}

export const jsonValues = {
  long: (options?: JsonValueOptions): JsonLongValue => Object.freeze({ kind: 'long', ...base(options, 'long()') }),
  double: (options?: JsonValueOptions): JsonDoubleValue => Object.freeze({ kind: 'double', ...base(options, 'double()') }),
  string: (options?: JsonValueOptions): JsonStringValue => Object.freeze({ kind: 'string', ...base(options, 'string()') }),
  bool: (options?: JsonValueOptions): JsonBoolValue => Object.freeze({ kind: 'bool', ...base(options, 'bool()') }),
  instant: (options?: JsonValueOptions & { readonly numberFormat?: InstantNumberFormat }): JsonInstantValue => {
    const b = base(options, 'instant()')
    const format = options?.numberFormat
    if (format === undefined) return Object.freeze({ kind: 'instant', ...b })
    if (!FORMATS.includes(format)) throw new TypeError(`instant(): numberFormat must be one of ${FORMATS.join(', ')}`)
    return Object.freeze({ kind: 'instant', ...b, numberFormat: format })
  },
  object: (fields: Record<string, JsonValue>, options?: JsonValueOptions): JsonObjectValue =>
    Object.freeze({ kind: 'object', ...base(options, 'object()'), fields: checkFields(fields, 'object()') }),
  array: (element: JsonValue, options?: JsonValueOptions): JsonArrayValue => {
    checkValue(element, 'array() element')
    return Object.freeze({ kind: 'array', ...base(options, 'array()'), element })
  }
}
