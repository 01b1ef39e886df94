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
    const fields = Object.fromEntries(Object.entries(spec.fields).map(([name, value]) => [name, jsonValue(value)]))
    return objectProcessorSpec(jsonObject(fields, { allowMissing: spec.allowMissing, allowNull: spec.allowNull }))
  } catch (e) {
    throw new AppError('BAD_SPEC', `${part}Spec: ${(e as Error).message}`)
  }
}

function jsonValue(dto: JsonValueDto): JsonValue {
  const options = { allowMissing: dto.allowMissing, allowNull: dto.allowNull }
  switch (dto.kind) {
    case 'object':
      return jsonObject.object(Object.fromEntries(Object.entries(dto.fields).map(([name, value]) => [name, jsonValue(value)])), options)
    case 'array':
      return jsonObject.array(jsonValue(dto.element), options)
    case 'instant':
      return jsonObject.instant({ ...options, numberFormat: dto.numberFormat })
    default:
      return jsonObject[dto.kind](options)
  }
}
