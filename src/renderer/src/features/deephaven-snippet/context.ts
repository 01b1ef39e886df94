import type { Arg, Expr, Span } from './ast'
import { Unmappable, type Scope } from './scope'

export interface UnmappedPart {
  /** The snippet text of the part (shortened), or a name for it such as `kafka_config['sasl.jaas.config']`. */
  part: string
  /** 1-based line in the snippet. */
  line: number
  reason: string
}

/** What a translation step needs: the source, the names in scope, and where to put what it cannot map. */
export class TranslationContext {
  readonly unmapped: UnmappedPart[] = []
  private readonly noteSet = new Set<string>()

  constructor(
    readonly source: string,
    readonly scope: Scope
  ) {}

  get notes(): string[] {
    return [...this.noteSet]
  }

  note(text: string): void {
    this.noteSet.add(text)
  }

  report(at: Span, reason: string, part = this.text(at)): void {
    this.unmapped.push({ part, line: at.line, reason })
  }

  /**
   * Runs one mapping step; an Unmappable it throws is reported (reason after `prefix`, shown as `part` when
   * given, e.g. to keep a secret value off the screen) and the step yields undefined.
   */
  attempt<T>(step: () => T, prefix = '', part?: string): T | undefined {
    try {
      return step()
    } catch (error) {
      if (!(error instanceof Unmappable)) throw error
      this.report(error.expr, prefix + error.reason, part)
      return undefined
    }
  }

  /** The source text of a span on one line, shortened for display. */
  text(at: Span): string {
    const text = this.source.slice(at.start, at.end).replace(/\s+/g, ' ').trim()
    return text.length > 80 ? text.slice(0, 77) + '…' : text
  }
}

/** Python call arguments bound to parameter names the way Python binds them. */
export function bindArguments(call: Extract<Expr, { kind: 'call' }>, functionName: string, params: readonly string[]): Map<string, Arg> {
  const bound = new Map<string, Arg>()
  let position = 0
  for (const arg of call.args) {
    if (arg.star) throw new Unmappable(arg.value, `\`${arg.star}\` unpacking in the ${functionName} call is not read; write the arguments out`)
    const name = arg.name ?? params[position++]
    if (!name) throw new Unmappable(arg.value, `${functionName} takes at most ${params.length} positional arguments`)
    if (!params.includes(name)) throw new Unmappable(arg.value, `${functionName} has no argument \`${name}\``)
    if (bound.has(name)) throw new Unmappable(arg.value, `${functionName} got \`${name}\` twice`)
    bound.set(name, arg)
  }
  return bound
}

/** A call expression (after following variables) and the dotted name it calls. */
export function callOf(expr: Expr, scope: Scope): { call: Extract<Expr, { kind: 'call' }>; name: string | undefined } | undefined {
  const target = scope.deref(expr)
  return target.kind === 'call' ? { call: target, name: scope.qualifiedName(target.callee) } : undefined
}
