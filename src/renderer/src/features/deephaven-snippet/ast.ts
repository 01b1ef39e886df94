// The syntax tree of the Python subset a snippet is read as. Every node knows its source span and line.

export interface Span {
  start: number
  end: number
  line: number
}

export type Expr = Span &
  (
    | { kind: 'str'; value: string; fString: boolean; bytes: boolean }
    | { kind: 'num'; text: string }
    | { kind: 'const'; value: true | false | null }
    | { kind: 'name'; id: string }
    | { kind: 'attr'; object: Expr; name: string }
    | { kind: 'call'; callee: Expr; args: Arg[] }
    | { kind: 'subscript'; object: Expr; index: Expr }
    | { kind: 'dict'; entries: DictEntry[] }
    | { kind: 'list' | 'tuple' | 'set'; items: Expr[] }
    | { kind: 'unary'; op: string; operand: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    /** Python the translator never evaluates: lambdas, comprehensions, conditional expressions. */
    | { kind: 'opaque'; what: string }
  )

export type DictEntry = { key: Expr; value: Expr } | { spread: Expr }

export interface Arg extends Span {
  /** Keyword name; absent for positional arguments. */
  name?: string
  /** `*args` or `**kwargs` unpacking. */
  star?: '*' | '**'
  value: Expr
}

export type Stmt = Span &
  (
    | { kind: 'import'; modules: { module: string; alias?: string }[] }
    | { kind: 'from'; module: string; names: { name: string; alias?: string }[]; star: boolean }
    | { kind: 'assign'; targets: Expr[]; value: Expr }
    | { kind: 'expr'; expr: Expr }
    /** A compound statement header (def, if, for, ...): its body lines follow as ordinary statements. */
    | { kind: 'header'; keyword: string }
    | { kind: 'pass' }
    | { kind: 'error'; reason: string }
  )

/** Calls `visit` on an expression and every expression inside it. */
export function forEachNode(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr)
  switch (expr.kind) {
    case 'attr':
      return forEachNode(expr.object, visit)
    case 'call':
      forEachNode(expr.callee, visit)
      return expr.args.forEach((arg) => forEachNode(arg.value, visit))
    case 'subscript':
      forEachNode(expr.object, visit)
      return forEachNode(expr.index, visit)
    case 'dict':
      return expr.entries.forEach((entry) => ('spread' in entry ? forEachNode(entry.spread, visit) : (forEachNode(entry.key, visit), forEachNode(entry.value, visit))))
    case 'list':
    case 'tuple':
    case 'set':
      return expr.items.forEach((item) => forEachNode(item, visit))
    case 'unary':
      return forEachNode(expr.operand, visit)
    case 'binary':
      forEachNode(expr.left, visit)
      return forEachNode(expr.right, visit)
  }
}

/** The expressions a statement holds. */
export function statementExprs(stmt: Stmt): Expr[] {
  if (stmt.kind === 'assign') return [...stmt.targets, stmt.value]
  if (stmt.kind === 'expr') return [stmt.expr]
  return []
}
