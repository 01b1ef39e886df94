/** Deephaven's deephaven.json value types, as far as jsonObject() supports them (see README.md). */

export interface JsonValueOptions {
  /** A missing field reads as null (or onMissing) instead of failing the record (default false: strict). */
  readonly allowMissing?: boolean
  /** A JSON null reads as null (or onNull) instead of failing the record (default false: strict). */
  readonly allowNull?: boolean
}

/** Options of the scalar value types: defaults written instead of null (setting one implies allowMissing / allowNull). */
export interface JsonScalarOptions<T> extends JsonValueOptions {
  readonly onMissing?: T
  readonly onNull?: T
}
/** Numbers (and true/false for bool) also accepted inside JSON strings (Deephaven's allow_string). */
export interface AllowString {
  readonly allowString?: boolean
}
/** Integer types: numbers with a fraction or exponent are accepted and truncated toward zero (Deephaven's allow_decimal). */
export interface AllowDecimal {
  readonly allowDecimal?: boolean
}

export type InstantNumberFormat = 's' | 'ms' | 'us' | 'ns'
/** A default for the 64-bit and timestamp-like columns: a bigint, a safe integer number, or text the value type parses. */
export type WideDefault = bigint | number | string

/** The scalar kinds: each gives one column (see COLUMN_TYPE in jsonScalars.ts). */
export type ScalarKind =
  | 'long'
  | 'int'
  | 'short'
  | 'byte'
  | 'double'
  | 'float'
  | 'string'
  | 'char'
  | 'bool'
  | 'instant'
  | 'date'
  | 'duration'
  | 'bigInteger'
  | 'bigDecimal'
  | 'any'

interface Base {
  readonly allowMissing: boolean
  readonly allowNull: boolean
}
export interface JsonScalarValue extends Base {
  readonly kind: ScalarKind
  readonly allowString: boolean
  readonly allowDecimal: boolean
  /** string(): numbers without fraction/exponent, with them, and true/false accepted as their text. */
  readonly allowInt: boolean
  readonly allowBool: boolean
  /** instant(): epoch integers in this unit; absent: ISO-8601 text with a zone. */
  readonly numberFormat?: InstantNumberFormat
  readonly onMissing?: unknown
  readonly onNull?: unknown
}
/** The scalar value types by kind (names kept from the first version of jsonObject). */
export type JsonLongValue = JsonScalarValue & { readonly kind: 'long' }
export type JsonDoubleValue = JsonScalarValue & { readonly kind: 'double' }
export type JsonStringValue = JsonScalarValue & { readonly kind: 'string' }
export type JsonBoolValue = JsonScalarValue & { readonly kind: 'bool' }
export type JsonInstantValue = JsonScalarValue & { readonly kind: 'instant' }
export interface JsonSkipValue {
  readonly kind: 'skip'
}
export interface JsonObjectValue extends Base {
  readonly kind: 'object'
  readonly fields: Readonly<Record<string, JsonValue>>
  /** false: a field not in `fields` fails the record (Deephaven's allow_unknown_fields=False). Default true. */
  readonly allowUnknownFields: boolean
}
export interface JsonArrayValue extends Base {
  readonly kind: 'array'
  readonly element: JsonValue
}
export interface JsonTupleValue extends Base {
  readonly kind: 'tuple'
  /** Column name suffix and value type per position. */
  readonly positions: readonly (readonly [string, JsonValue])[]
}
export interface JsonTypedObjectValue extends Base {
  readonly kind: 'typedObject'
  readonly typeField: string
  readonly shared: Readonly<Record<string, JsonValue>>
  readonly objects: Readonly<Record<string, JsonObjectValue>>
  readonly allowUnknownTypes: boolean
  /** The type column's value when the whole value is missing / null (the other columns are null). */
  readonly onMissing?: string
  readonly onNull?: string
}
export type JsonValue = JsonScalarValue | JsonSkipValue | JsonObjectValue | JsonArrayValue | JsonTupleValue | JsonTypedObjectValue

const FORMATS: readonly string[] = ['s', 'ms', 'us', 'ns']
const KINDS: readonly string[] = ['long', 'int', 'short', 'byte', 'double', 'float', 'string', 'char', 'bool', 'instant', 'date', 'duration', 'bigInteger', 'bigDecimal', 'any', 'skip', 'object', 'array', 'tuple', 'typedObject']

function checkOptions(options: unknown, what: string): Record<string, unknown> {
  if (options === undefined) return {}
  if (options === null || typeof options !== 'object') throw new TypeError(`${what}: options must be an object`)
  return options as Record<string, unknown>
}

function base(options: Record<string, unknown>): Base {
  return { allowMissing: options.allowMissing === true || options.onMissing !== undefined, allowNull: options.allowNull === true || options.onNull !== undefined }
}

function scalar(kind: ScalarKind, options: unknown): JsonScalarValue {
  const o = checkOptions(options, `${kind}()`)
  const value: JsonScalarValue = {
    kind,
    ...base(o),
    allowString: o.allowString === true,
    allowDecimal: o.allowDecimal === true,
    allowInt: o.allowInt === true,
    allowBool: o.allowBool === true,
    ...(o.onMissing !== undefined ? { onMissing: o.onMissing } : {}),
    ...(o.onNull !== undefined ? { onNull: o.onNull } : {})
  }
  return Object.freeze(value)
}

export function checkFields(fields: unknown, what: string, allowEmpty = false): Readonly<Record<string, JsonValue>> {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new TypeError(`${what}: fields must be an object of value types`)
  const entries = Object.entries(fields)
  if (entries.length === 0 && !allowEmpty) throw new TypeError(`${what}: at least one field is needed`)
  for (const [name, value] of entries) checkValue(value, `${what} field '${name}'`)
  return Object.freeze({ ...(fields as Record<string, JsonValue>) })
}

export function checkValue(value: unknown, what: string): void {
  const kind = (value as { kind?: unknown } | null)?.kind
  if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new TypeError(`${what}: not a value type (use jsonObject.long(), .string(), .object(), …)`)
}

export interface ObjectOptions extends JsonValueOptions {
  readonly allowUnknownFields?: boolean
}
export interface TypedObjectSpec extends JsonValueOptions {
  readonly typeField: string
  readonly shared?: Record<string, JsonValue>
  readonly objects: Record<string, JsonObjectValue | Record<string, JsonValue>>
  readonly allowUnknownTypes?: boolean
  readonly onMissing?: string
  readonly onNull?: string
}

function object(fields: Record<string, JsonValue>, options?: ObjectOptions, what = 'object()'): JsonObjectValue {
  const o = checkOptions(options, what)
  return Object.freeze({ kind: 'object', ...base(o), fields: checkFields(fields, what), allowUnknownFields: o.allowUnknownFields !== false })
}

function tuple(values: readonly JsonValue[] | Record<string, JsonValue>, options?: JsonValueOptions): JsonTupleValue {
  const o = checkOptions(options, 'tuple()')
  if (values === null || typeof values !== 'object') throw new TypeError('tuple(): values must be an array or an object of value types')
  const positions = Array.isArray(values) ? values.map((v, i) => [String(i), v] as const) : Object.entries(values)
  if (positions.length === 0) throw new TypeError('tuple(): at least one value is needed')
  for (const [name, v] of positions) checkValue(v, `tuple() position '${name}'`)
  return Object.freeze({ kind: 'tuple', ...base(o), positions: Object.freeze(positions.map((p) => Object.freeze([p[0], p[1]] as const))) })
}

function typedObject(spec: TypedObjectSpec): JsonTypedObjectValue {
  const o = checkOptions(spec, 'typedObject()')
  if (typeof spec.typeField !== 'string' || spec.typeField === '') throw new TypeError('typedObject(): typeField must be a non-empty string')
  const shared = checkFields(spec.shared ?? {}, 'typedObject() shared', true)
  if (spec.objects === null || typeof spec.objects !== 'object' || Object.keys(spec.objects).length === 0) {
    throw new TypeError('typedObject(): objects must map at least one type value to its fields')
  }
  const objects: Record<string, JsonObjectValue> = {}
  for (const [type, fields] of Object.entries(spec.objects)) {
    const value = (fields as { kind?: unknown }).kind === 'object' ? (fields as JsonObjectValue) : object(fields as Record<string, JsonValue>, undefined, `typedObject() type '${type}'`)
    for (const name of Object.keys(value.fields)) {
      if (name === spec.typeField || name in shared) throw new TypeError(`typedObject() type '${type}': field '${name}' is already the type field or a shared field`)
    }
    objects[type] = value
  }
  for (const d of [spec.onMissing, spec.onNull]) if (d !== undefined && typeof d !== 'string') throw new TypeError('typedObject(): onMissing / onNull must be type strings')
  return Object.freeze({
    kind: 'typedObject',
    ...base(o),
    typeField: spec.typeField,
    shared,
    objects: Object.freeze(objects),
    allowUnknownTypes: spec.allowUnknownTypes === true,
    ...(spec.onMissing !== undefined ? { onMissing: spec.onMissing } : {}),
    ...(spec.onNull !== undefined ? { onNull: spec.onNull } : {})
  })
}

type NumberOptions<T> = JsonScalarOptions<T> & AllowString

export const jsonValues = {
  long: (options?: NumberOptions<WideDefault> & AllowDecimal): JsonScalarValue => scalar('long', options),
  int: (options?: NumberOptions<number> & AllowDecimal): JsonScalarValue => scalar('int', options),
  short: (options?: NumberOptions<number> & AllowDecimal): JsonScalarValue => scalar('short', options),
  byte: (options?: NumberOptions<number> & AllowDecimal): JsonScalarValue => scalar('byte', options),
  double: (options?: NumberOptions<number>): JsonScalarValue => scalar('double', options),
  float: (options?: NumberOptions<number>): JsonScalarValue => scalar('float', options),
  string: (options?: JsonScalarOptions<string> & AllowDecimal & { readonly allowInt?: boolean; readonly allowBool?: boolean }): JsonScalarValue => scalar('string', options),
  char: (options?: JsonScalarOptions<string>): JsonScalarValue => scalar('char', options),
  bool: (options?: JsonScalarOptions<boolean> & AllowString): JsonScalarValue => scalar('bool', options),
  instant: (options?: JsonScalarOptions<WideDefault> & AllowString & AllowDecimal & { readonly numberFormat?: InstantNumberFormat }): JsonScalarValue => {
    const format = options?.numberFormat
    if (format !== undefined && !FORMATS.includes(format)) throw new TypeError(`instant(): numberFormat must be one of ${FORMATS.join(', ')}`)
    const value = scalar('instant', options)
    return format === undefined ? value : Object.freeze({ ...value, numberFormat: format })
  },
  date: (options?: JsonScalarOptions<string>): JsonScalarValue => scalar('date', options),
  duration: (options?: JsonScalarOptions<WideDefault>): JsonScalarValue => scalar('duration', options),
  bigInteger: (options?: NumberOptions<WideDefault> & AllowDecimal): JsonScalarValue => scalar('bigInteger', options),
  bigDecimal: (options?: NumberOptions<string | number>): JsonScalarValue => scalar('bigDecimal', options),
  any: (options?: JsonValueOptions): JsonScalarValue => scalar('any', options),
  skip: (): JsonSkipValue => Object.freeze({ kind: 'skip' }),
  object: (fields: Record<string, JsonValue>, options?: ObjectOptions): JsonObjectValue => object(fields, options),
  array: (element: JsonValue, options?: JsonValueOptions): JsonArrayValue => {
    checkValue(element, 'array() element')
    if (element.kind === 'skip') throw new TypeError('array(): skip() is not an element type')
    return Object.freeze({ kind: 'array', ...base(checkOptions(options, 'array()')), element })
  },
  tuple,
  typedObject
}
