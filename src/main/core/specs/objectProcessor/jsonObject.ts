import type { ColumnSink, ObjectProcessorProvider } from '../../api/objectProcessorSpec'
import { RecordDecodeError } from '../recordDecodeError'
import { JsonObjectProcessor } from './jsonObjectProcessor'
import { planObject } from './jsonPlan'
import { checkFields, jsonValues, type JsonValue, type JsonValueOptions } from './jsonValues'

export type { InstantNumberFormat, JsonValue, JsonValueOptions } from './jsonValues'

/**
 * A provider for objectProcessorSpec(): a JSON object whose fields are decoded by the given value types
 * (Deephaven's deephaven.json object_val with the Jackson provider). Nested objects' columns are named
 * `parent_child`. Strict by default: a missing field, a JSON null or a value of the wrong JSON type fails the record
 * unless the value type allows it. `options` apply to the whole value (allowNull: a Kafka null or JSON null gives
 * null in every column; allowUnknownFields: false rejects fields not listed). See specs/objectProcessor/README.md.
 */
function jsonObjectProvider(fields: Record<string, JsonValue>, options?: JsonValueOptions & { readonly allowUnknownFields?: boolean }): ObjectProcessorProvider {
  const root = jsonValues.object(checkFields(fields, 'jsonObject()'), options)
  const plan = planObject(root, false)
  const processor = new JsonObjectProcessor(plan)
  const frozen = Object.freeze(plan.columns.map((c) => Object.freeze({ ...c })))
  const fieldCount = Object.keys(fields).length
  return {
    description: `json object (${fieldCount} field${fieldCount === 1 ? '' : 's'})`,
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

/**
 * jsonObject(fields, options) and the value types: .long(), .int(), .short(), .byte(), .double(), .float(), .string(),
 * .char(), .bool(), .instant(), .date(), .duration(), .bigInteger(), .bigDecimal(), .any(), .skip(), .object(),
 * .array(), .tuple(), .typedObject().
 */
export const jsonObject = Object.assign(jsonObjectProvider, jsonValues)
