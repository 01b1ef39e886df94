interface Entry {
  dictionary: readonly string[]
  flags: Uint8Array
  /** Codes [0, done) have their flag. */
  done: number
}

/**
 * A predicate's result per code of a dictionary-encoded string chunk, cached per chunk: a dictionary only grows
 * while its chunk is written, so a later cycle tests only the values added since. A chunk that was re-encoded (its
 * dictionary array changed) starts over.
 */
export class DictionaryFlags {
  private readonly entries = new Map<number, Entry>()

  constructor(private readonly test: (s: string) => boolean) {}

  /** flags[code] is 1 when dictionary[code] passes the test. */
  flags(chunk: number, dictionary: readonly string[]): Uint8Array {
    let entry = this.entries.get(chunk)
    if (entry === undefined || entry.dictionary !== dictionary) {
      entry = { dictionary, flags: new Uint8Array(Math.max(64, dictionary.length)), done: 0 }
      this.entries.set(chunk, entry)
    }
    const size = dictionary.length
    if (entry.done < size) {
      if (entry.flags.length < size) {
        const grown = new Uint8Array(Math.max(size, entry.flags.length * 2))
        grown.set(entry.flags)
        entry.flags = grown
      }
      const test = this.test
      for (let code = entry.done; code < size; code++) entry.flags[code] = test(dictionary[code]) ? 1 : 0
      entry.done = size
    }
    return entry.flags
  }

  releaseBefore(chunk: number): void {
    for (const key of this.entries.keys()) if (key < chunk) this.entries.delete(key)
  }
}
