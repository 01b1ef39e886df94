import type { OpenTableArgs } from '../../../../shared/model/tables'
import { forEachNode, type Expr } from './ast'
import { TranslationContext, type UnmappedPart } from './context'
import { translateConsumeCall } from './consumeArgs'
import { parseSnippet } from './parser'
import { Scope } from './scope'

export type { UnmappedPart } from './context'

export interface SnippetTranslation {
  /** Settings for the consume editor, as openTable arguments. */
  args: Partial<OpenTableArgs>
  /** The parts that could not be mapped, each with where it is and why. */
  unmapped: UnmappedPart[]
  /** Things mapped with a change the user should know (e.g. dtypes.char → string). */
  notes: string[]
}

type Call = Extract<Expr, { kind: 'call' }>

const CONSUME_FUNCTIONS = new Set(['kc.consume', 'kc.consume_to_partitioned_table'])
const ASSUMED_MEANING: Record<string, string> = {
  kc: 'deephaven.stream.kafka.consumer',
  kafka_consumer: 'deephaven.stream.kafka.consumer',
  consumer: 'deephaven.stream.kafka.consumer',
  dht: 'deephaven.dtypes',
  dtypes: 'deephaven.dtypes'
}

/**
 * Reads a Python snippet that calls Deephaven's kafka consumer `consume(...)` and returns the equivalent
 * editor settings. Python is never run: literals, imports (for aliases) and earlier top-level assignments are
 * followed; everything else is named in `unmapped`. Never throws on bad input.
 */
export function translateDeephavenSnippet(text: string): SnippetTranslation {
  try {
    return translate(text)
  } catch (error) {
    // A safety net (e.g. brackets nested thousands deep): bad input is reported, never thrown.
    const reason = error instanceof RangeError ? 'the snippet is nested too deeply to read' : 'the snippet could not be read'
    return { args: {}, unmapped: [{ part: '', line: 1, reason }], notes: [] }
  }
}

function translate(text: string): SnippetTranslation {
  const scope = new Scope()
  const ctx = new TranslationContext(text, scope)
  let args: Partial<OpenTableArgs> = {}
  let consume: Call | undefined
  const resultNames = new Set<string>()

  const statements = parseSnippet(text)
  for (const stmt of statements) {
    if (stmt.kind === 'error') {
      ctx.report(stmt, `not read as Python: ${stmt.reason}`)
      continue
    }
    if (stmt.kind === 'header') {
      ctx.report(stmt, `\`${stmt.keyword}\` is not run; the lines inside it are read as if they stood alone`)
      continue
    }
    if (stmt.kind === 'assign' || stmt.kind === 'expr') {
      const root = stmt.kind === 'assign' ? stmt.value : stmt.expr
      const found = findConsumeCall(root, scope)
      if (found && !consume) {
        consume = found
        if (scope.qualifiedName(found.callee) === 'kc.consume_to_partitioned_table') ctx.note('consume_to_partitioned_table is read as one table over all partitions')
        args = translateConsumeCall(found, ctx)
        reportSurroundings(root, found, ctx)
        if (stmt.kind === 'assign') for (const target of stmt.targets) if (target.kind === 'name') resultNames.add(target.id)
      } else if (found) {
        ctx.report(found, 'another consume call: only the first one is translated')
      } else if (usesAny(root, resultNames)) {
        ctx.report(stmt, 'this works on the table after consume; the editor has no equivalent')
      } else if (stmt.kind === 'expr') {
        ctx.report(stmt, 'not read: only imports, assignments and the consume call are')
      } else if (stmt.targets.some((target) => target.kind !== 'name')) {
        ctx.report(stmt, 'changing part of a variable is not followed; write the final value where the variable is defined')
      }
    }
    scope.apply(stmt)
  }

  if (!consume) ctx.unmapped.push({ part: '', line: 1, reason: statements.length > 0 ? 'no consume(...) call of deephaven.stream.kafka.consumer was found' : 'the snippet is empty' })
  for (const name of scope.assumedNames) {
    if (!scope.isBound(name)) ctx.note(`\`${name}\` is not imported in the snippet; it is read as ${ASSUMED_MEANING[name] ?? `deephaven.stream.kafka.consumer.${name}`}`)
  }
  return { args, unmapped: [...ctx.unmapped].sort((a, b) => a.line - b.line), notes: ctx.notes }
}

function findConsumeCall(expr: Expr, scope: Scope): Call | undefined {
  let found: Call | undefined
  forEachNode(expr, (node) => {
    if (!found && node.kind === 'call' && CONSUME_FUNCTIONS.has(scope.qualifiedName(node.callee) ?? '')) found = node
  })
  return found
}

/** Methods chained on the consume call (`.rename_columns(...)`) or a larger expression around it. */
function reportSurroundings(root: Expr, call: Call, ctx: TranslationContext): void {
  const methods: { name: string; offset: number }[] = []
  let node = root
  while (node !== call && node.kind === 'call' && node.callee.kind === 'attr') {
    methods.unshift({ name: node.callee.name, offset: ctx.source.indexOf(node.callee.name, node.callee.object.end) })
    node = node.callee.object
  }
  if (node !== call) {
    ctx.report(root, 'the consume call sits inside a larger expression; only the call itself is translated')
    return
  }
  for (const method of methods) {
    const line = ctx.source.slice(0, method.offset).split('\n').length
    ctx.unmapped.push({ part: `.${method.name}(...)`, line, reason: `.${method.name}(...) works on the table after consume; the editor has no equivalent` })
  }
}

function usesAny(expr: Expr, names: ReadonlySet<string>): boolean {
  let used = false
  if (names.size > 0) forEachNode(expr, (node) => (used ||= node.kind === 'name' && names.has(node.id)))
  return used
}
