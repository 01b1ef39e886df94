/** What a column found in the last scanned document (0: nothing, the field is missing). */
export const KIND_STRING = 1
export const KIND_NUMBER = 2
export const KIND_TRUE = 3
export const KIND_FALSE = 4
export const KIND_NULL = 5
export const KIND_OBJECT = 6
export const KIND_ARRAY = 7

/** A string token with backslash escapes. */
export const FLAG_ESCAPED = 1
/** A number token without fraction or exponent. */
export const FLAG_PLAIN_INTEGER = 2
