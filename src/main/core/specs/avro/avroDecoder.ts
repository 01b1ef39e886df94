import type { AvroSpec } from '../../api/keyValueSpec'
import type { PartDecoder } from '../partDecoder'
import { SpecError, type DecoderContext, type RecordPart } from '../resolvePartDecoder'

/** Placeholder until the Avro decoder lands. */
export async function createAvroDecoder(part: RecordPart, _spec: AvroSpec, _context: DecoderContext): Promise<PartDecoder> {
  throw new SpecError(`${part}Spec: Avro specs are not implemented yet`)
}
