/**
 * Called for a field that is present but cannot be converted to its column's type (text in a number column, an
 * unrecognised boolean, an out-of-range integer, …). The column gets null and the row is still committed; the call
 * comes after the decoder has appended every column of the part, and only when the part decoded (no RecordDecodeError).
 * `field` is the column name; `reason` says what was found, e.g. `"abc" is not a number`.
 */
export type FieldErrorReporter = (field: string, reason: string) => void
