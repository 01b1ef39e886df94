import type { ScalarType } from '../../types'
import { WT_I32, WT_I64, WT_LEN, WT_VARINT } from './wireCursor'

/** Column type of each Protobuf scalar (enums are strings: their value names). */
export const SCALAR_COLUMN: Readonly<Record<string, ScalarType>> = {
  double: 'float64',
  float: 'float32',
  int32: 'int32',
  uint32: 'int32',
  sint32: 'int32',
  fixed32: 'int32',
  sfixed32: 'int32',
  int64: 'int64',
  uint64: 'int64',
  sint64: 'int64',
  fixed64: 'int64',
  sfixed64: 'int64',
  bool: 'bool',
  string: 'string',
  bytes: 'bytes',
  enum: 'string'
}

/** Wire type of each scalar. */
export const SCALAR_WIRE: Readonly<Record<string, number>> = {
  double: WT_I64,
  float: WT_I32,
  int32: WT_VARINT,
  uint32: WT_VARINT,
  sint32: WT_VARINT,
  fixed32: WT_I32,
  sfixed32: WT_I32,
  int64: WT_VARINT,
  uint64: WT_VARINT,
  sint64: WT_VARINT,
  fixed64: WT_I64,
  sfixed64: WT_I64,
  bool: WT_VARINT,
  string: WT_LEN,
  bytes: WT_LEN,
  enum: WT_VARINT
}
