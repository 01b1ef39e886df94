/** A record's key or value could not be decoded; the record is skipped or fails the table, per onError. */
export class RecordDecodeError extends Error {
  constructor(
    reason: string,
    readonly field?: string
  ) {
    super(reason)
    this.name = 'RecordDecodeError'
  }
}
