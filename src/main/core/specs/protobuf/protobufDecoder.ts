import type { ProtobufSpec } from '../../api/keyValueSpec'
import type { PartDecoder } from '../partDecoder'
import { SpecError, type DecoderContext, type RecordPart } from '../resolvePartDecoder'

/** Placeholder until the Protobuf decoder lands. */
export async function createProtobufDecoder(part: RecordPart, _spec: ProtobufSpec, _context: DecoderContext): Promise<PartDecoder> {
  throw new SpecError(`${part}Spec: Protobuf specs are not implemented yet`)
}
