import type { ColumnSink, ObjectProcessorProvider } from '../../api/objectProcessorSpec'
import type { ColumnDef, ColumnType } from '../../types'
import { RecordDecodeError } from '../recordDecodeError'
import { checkFields, jsonValues, type JsonValue, type JsonValueOptions } from './jsonValues'
import { JsonObjectProcessor, type LeafPlan, type ObjectPlan } from './jsonObjectProcessor'

export type { InstantNumberFormat, JsonValue, JsonValueOptions } from './jsonValues'

const COLUMN_TYPE: Record<JsonValue['kind'], ColumnType> = {
  long: 'int64',
  double: 'float64',
  string: 'string',
  bool: 'bool',
  instant: 'timestamp',
  object: 'string',
  array: 'string'
}

/** An array of longs, doubles, strings or bools is a list column; other arrays are JSON text. */
function columnType(value: JsonValue): ColumnType {
  if (value.kind !== 'array') return COLUMN_TYPE[value.kind]
  const kind = value.element.kind
  return kind === 'long' || kind === 'double' || kind === 'string' || kind === 'bool' ? `list<${COLUMN_TYPE[kind] as 'int64' | 'float64' | 'string' | 'bool'}>` : 'string'
}

/**
 * A provider for objectProcessorSpec(): a JSON object whose fields are decoded by the given value types
 * (Deephaven's deephaven.json object_val with the Jackson provider). Nested objects' columns are named
 * `parent_child`. Strict by default: a missing field, a JSON null or a value of the wrong JSON type fails the record
 * unless the value type allows it. `options` apply to the whole value (allowNull: a Kafka null or JSON null gives
 * null in every column). See specs/objectProcessor/README.md.
 */
function jsonObjectProvider(fields: Record<string, JsonValue>, options?: JsonValueOptions): ObjectProcessorProvider {
  const checked = checkFields(fields, 'jsonObject()')
  const root = jsonValues.object(checked, options)
  const columns: ColumnDef[] = []
  const leaves: LeafPlan[] = []
  const objects: ObjectPlan[] = []
  const names = new Set<string>()
  const walk = (value: JsonValue, path: string[]): void => {
    if (value.kind === 'object') {
      const plan: ObjectPlan = { path, lo: columns.length, hi: 0, value, label: path.length === 0 ? 'the value' : `field '${path.join('.')}'` }
      objects.push(plan)
      for (const [name, child] of Object.entries(value.fields)) walk(child, [...path, name])
      plan.hi = columns.length
      return
    }
    const name = path.join('_')
    if (names.has(name)) throw new TypeError(`jsonObject(): two fields give the column '${name}'`)
    names.add(name)
    columns.push({ name, type: columnType(value) })
    leaves.push({ path, value, label: `field '${path.join('.')}'` })
  }
  walk(root, [])
  const processor = new JsonObjectProcessor(leaves, objects)
  const frozen = Object.freeze(columns.map((c) => Object.freeze(c)))
  return {
    columns: () => frozen,
    process: (buf: Buffer | null, start: number, end: number, out: ColumnSink): void => {
      if (buf === null) {
        if (!root.allowNull) throw new RecordDecodeError('the value is a Kafka null (allowNull is not set)')
        for (let i = 0; i < frozen.length; i++) out.column(i).appendNull()
        return
      }
      processor.process(buf, start, end, out)
    }
  }
}

/** jsonObject(fields, options) and the value types: jsonObject.long(), .double(), .string(), .bool(), .instant(), .object(), .array(). */
export const jsonObject = Object.assign(jsonObjectProvider, jsonValues)
