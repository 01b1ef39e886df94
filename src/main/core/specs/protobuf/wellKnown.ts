/** Google's well-known message types that map to one column (or to JSON text) instead of being flattened. */
export type WellKnownKind =
  | 'timestamp'
  | 'duration'
  | 'wrapper'
  | 'json'

const WRAPPERS: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes'
}

const AS_JSON = new Set(['google.protobuf.Any', 'google.protobuf.FieldMask', 'google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue'])

/** `fullName` without the leading dot (protobufjs gives '.google.protobuf.Timestamp'). */
export function wellKnownKind(fullName: string): WellKnownKind | undefined {
  const name = fullName.startsWith('.') ? fullName.slice(1) : fullName
  if (name === 'google.protobuf.Timestamp') return 'timestamp'
  if (name === 'google.protobuf.Duration') return 'duration'
  if (name in WRAPPERS) return 'wrapper'
  if (AS_JSON.has(name)) return 'json'
  return undefined
}

/** The scalar type of a wrapper's `value` field. */
export function wrapperScalar(fullName: string): string {
  return WRAPPERS[fullName.startsWith('.') ? fullName.slice(1) : fullName]
}
