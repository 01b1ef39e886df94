/** One thing wrong with a Kafka property map: the property it is about and what to do. */
export interface ConfigProblem {
  key: string
  problem: string
}

/**
 * Thrown by `translateKafkaConfig` with every problem found, never just the first.
 * The message has one line per problem, `key: problem`. It never contains a secret value.
 */
export class KafkaConfigError extends Error {
  readonly problems: { key: string; problem: string }[]

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.key}: ${p.problem}`).join('\n'))
    this.name = 'KafkaConfigError'
    this.problems = problems.map((p) => ({ key: p.key, problem: p.problem }))
  }
}

/** Collects problems while a config is translated, so all of them are reported at once. */
export class Problems {
  private readonly list: ConfigProblem[] = []

  add(key: string, problem: string): void {
    this.list.push({ key, problem })
  }

  /** Whether any problem has been recorded for `key`. */
  hasFor(key: string): boolean {
    return this.list.some((p) => p.key === key)
  }

  get count(): number {
    return this.list.length
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new KafkaConfigError(this.list)
  }
}
