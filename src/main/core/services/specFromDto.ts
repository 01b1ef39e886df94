import { AppError } from '../../../shared/ipc/errors'
import type { JsonValueDto } from '../../../shared/model/jsonObjectSpec'
import type { SpecDto } from '../../../shared/model/tables'
import type { KeyValueSpec } from '../api/keyValueSpec'
import { objectProcessorSpec } from '../api/objectProcessorSpec'
import { jsonObject, type JsonValue } from '../specs/objectProcessor/jsonObject'

/** A spec from the wire as consume() takes it: the data-only ones as they are, jsonObject as its provider. */
export function specFromDto(spec: SpecDto, part: 'key' | 'value'): KeyValueSpec {
  if (spec.kind !== 'jsonObject') return spec
  try {
    return objectProcessorSpec(jsonObject(fieldsOf(spec.fields), { allowMissing: spec.allowMissing, allowNull: spec.allowNull }))
  } catch (e) {
    throw new AppError('BAD_SPEC', `${part}Spec: ${(e as Error).message}`)
  }
}

function fieldsOf(fields: Record<string, JsonValueDto>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, jsonValue(value)]))
}

/** Only the options the user gave: the factories refuse an option their kind does not take, naming it. */
function given<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T
}

function jsonValue(dto: JsonValueDto): JsonValue {
  switch (dto.kind) {
    case 'skip':
      return jsonObject.skip()
    case 'object': {
      const { fields, kind: _kind, ...options } = dto
      return jsonObject.object(fieldsOf(fields), given(options))
    }
    case 'array': {
      const { element, kind: _kind, ...options } = dto
      return jsonObject.array(jsonValue(element), given(options))
    }
    case 'tuple': {
      const { values, kind: _kind, ...options } = dto
      return jsonObject.tuple(Array.isArray(values) ? values.map(jsonValue) : fieldsOf(values), given(options))
    }
    case 'typedObject': {
      const { shared, objects, kind: _kind, ...options } = dto
      return jsonObject.typedObject({
        ...given(options),
        ...(shared ? { shared: fieldsOf(shared) } : {}),
        objects: Object.fromEntries(Object.entries(objects).map(([type, fields]) => [type, fieldsOf(fields)]))
      })
    }
    default: {
      const { kind, ...options } = dto
      const factory = jsonObject[kind] as (options?: object) => JsonValue
      return factory(given(options))
    }
  }
}
