export type { FieldErrorReporter } from '../partDecoder'
