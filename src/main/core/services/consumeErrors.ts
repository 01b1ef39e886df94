import { AppError } from '../../../shared/ipc/errors'
import { OptionsError } from '../consumeOptions'
import { ClusterError } from '../kafka/clusterError'
import { KafkaConfigError } from '../kafka/config'
import { OffsetsError } from '../kafka/startOffsets'
import { SpecError } from '../specs/resolvePartDecoder'

/** Turns what consume() throws into errors with stable codes for the UI. */
export function toAppError(error: unknown): unknown {
  if (error instanceof KafkaConfigError) return new AppError('KAFKA_CONFIG', error.message, { problems: error.problems })
  if (error instanceof ClusterError) return new AppError(error.code, error.message)
  if (error instanceof SpecError) return new AppError('BAD_SPEC', error.message)
  if (error instanceof OffsetsError) return new AppError('BAD_OFFSETS', error.message)
  if (error instanceof OptionsError || error instanceof RangeError) return new AppError('BAD_OPTIONS', error.message)
  return error
}
