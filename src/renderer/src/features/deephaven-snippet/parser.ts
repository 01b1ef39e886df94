import type { Arg, DictEntry, Expr, Span, Stmt } from './ast'
import { tokenize, type Token } from './tokenizer'

// A recursive-descent parser for snippet statements. A statement it cannot read becomes an 'error' statement
// with the reason and line; parsing goes on at the next logical line.

const HEADER_KEYWORDS = new Set(['def', 'class', 'if', 'elif', 'else', 'for', 'while', 'with', 'try', 'except', 'finally', 'async', 'match', 'case'])
const IGNORED_KEYWORDS = new Set(['pass', 'global', 'nonlocal', 'del', 'assert', 'raise', 'break', 'continue'])
const BINARY_LEVELS: readonly (readonly string[])[] = [['or'], ['and'], ['==', '!=', '<', '>', '<=', '>=', 'in', 'is'], ['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']]
const CLOSERS = new Set([')', ']', '}'])

class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

export function parseSnippet(source: string): Stmt[] {
  return new Parser(tokenize(source)).statements()
}

class Parser {
  private pos = 0

  constructor(private readonly tokens: Token[]) {}

  statements(): Stmt[] {
    const result: Stmt[] = []
    while (this.peek().kind !== 'end') {
      if (this.peek().kind === 'newline') {
        this.pos++
        continue
      }
      const first = this.peek()
      try {
        result.push(this.statement())
        if (this.peek().kind === 'op' && this.peek().text === ';') this.pos++
        else if (this.peek().kind !== 'newline' && this.peek().kind !== 'end') this.fail(`unexpected ${describe(this.peek())}`)
      } catch (error) {
        if (!(error instanceof ParseError)) throw error
        result.push({ kind: 'error', reason: error.message, line: error.line, start: first.start, end: this.skipLine() })
      }
    }
    return result
  }

  private statement(): Stmt {
    const first = this.peek()
    if (first.kind === 'name' && first.text === 'import') return this.importStatement()
    if (first.kind === 'name' && first.text === 'from') return this.fromStatement()
    if ((first.kind === 'name' && HEADER_KEYWORDS.has(first.text)) || (first.kind === 'op' && first.text === '@')) {
      const end = this.skipLine()
      return { kind: 'header', keyword: first.text, line: first.line, start: first.start, end }
    }
    if (first.kind === 'name' && IGNORED_KEYWORDS.has(first.text)) {
      const end = this.skipLine()
      return { kind: 'pass', line: first.line, start: first.start, end }
    }
    if (first.kind === 'name' && first.text === 'return') {
      this.pos++
      if (this.atLineEnd()) return { kind: 'pass', line: first.line, start: first.start, end: first.end }
      const expr = this.exprList()
      return { kind: 'expr', expr, ...this.span(first, expr) }
    }
    const expr = this.exprList()
    if (this.isOp('=')) {
      const targets = [expr]
      let value = expr
      while (this.isOp('=')) {
        this.pos++
        value = this.exprList()
        targets.push(value)
      }
      targets.pop()
      return { kind: 'assign', targets, value, ...this.span(first, value) }
    }
    if (this.peek().kind === 'op' && /^[-+*/%&|^@]=$|^(\*\*|\/\/|<<|>>)=$|^:$/.test(this.peek().text)) {
      this.fail(`\`${this.peek().text}\` (augmented or annotated assignment) is not read`)
    }
    return { kind: 'expr', expr, ...this.span(first, expr) }
  }

  private importStatement(): Stmt {
    const first = this.next()
    const modules: { module: string; alias?: string }[] = []
    do {
      const module = this.dottedName()
      const alias = this.alias()
      modules.push(alias ? { module, alias } : { module })
    } while (this.eatOp(','))
    return { kind: 'import', modules, line: first.line, start: first.start, end: this.tokens[this.pos - 1]!.end }
  }

  private fromStatement(): Stmt {
    const first = this.next()
    let module = ''
    while (this.isOp('.') || this.isOp('...')) module += this.next().text
    if (this.peek().kind === 'name' && this.peek().text !== 'import') module += this.dottedName()
    if (!module) this.fail('`from` needs a module name')
    this.expectName('import')
    const names: { name: string; alias?: string }[] = []
    let star = false
    if (this.eatOp('*')) star = true
    else {
      const parenthesized = this.eatOp('(')
      do {
        if (parenthesized && this.isOp(')')) break
        const name = this.expectKind('name').text
        const alias = this.alias()
        names.push(alias ? { name, alias } : { name })
      } while (this.eatOp(','))
      if (parenthesized) this.expectOp(')')
    }
    return { kind: 'from', module, names, star, line: first.line, start: first.start, end: this.tokens[this.pos - 1]!.end }
  }

  private dottedName(): string {
    let name = this.expectKind('name').text
    while (this.eatOp('.')) name += '.' + this.expectKind('name').text
    return name
  }

  private alias(): string | undefined {
    if (this.peek().kind === 'name' && this.peek().text === 'as') {
      this.pos++
      return this.expectKind('name').text
    }
    return undefined
  }

  /** An expression, or several separated by commas (a tuple without parentheses). */
  private exprList(): Expr {
    const first = this.expr()
    if (!this.isOp(',')) return first
    const items = [first]
    while (this.eatOp(',')) {
      if (this.atLineEnd() || this.isOp('=')) break
      items.push(this.expr())
    }
    return { kind: 'tuple', items, ...this.span(first, items[items.length - 1]!) }
  }

  private expr(): Expr {
    const first = this.peek()
    if (first.kind === 'name' && first.text === 'lambda') return this.opaque('a lambda')
    const value = this.binary(0)
    if (this.peek().kind === 'name' && this.peek().text === 'if') {
      this.pos = this.tokens.indexOf(first)
      return this.opaque('a conditional expression')
    }
    return value
  }

  /** Skips an expression up to the next comma or closing bracket at its own depth. */
  private opaque(what: string, stopAtComma = true): Expr {
    const first = this.peek()
    let depth = 0
    let last = first
    while (this.peek().kind !== 'end' && this.peek().kind !== 'newline') {
      const token = this.peek()
      if (token.kind === 'op' && '([{'.includes(token.text)) depth++
      else if (token.kind === 'op' && CLOSERS.has(token.text)) {
        if (depth === 0) break
        depth--
      } else if (depth === 0 && stopAtComma && token.kind === 'op' && (token.text === ',' || token.text === '=')) break
      last = this.next()
    }
    return { kind: 'opaque', what, line: first.line, start: first.start, end: last.end }
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary()
    if (level === 3 && this.isName('not')) {
      const op = this.next()
      const operand = this.binary(level)
      return { kind: 'unary', op: 'not', operand, line: op.line, start: op.start, end: operand.end }
    }
    let left = this.binary(level + 1)
    for (;;) {
      const token = this.peek()
      const isOperator = (token.kind === 'op' || token.kind === 'name') && BINARY_LEVELS[level]!.includes(token.text)
      const isNotIn = level === 2 && token.kind === 'name' && token.text === 'not' && this.tokens[this.pos + 1]?.text === 'in'
      if (!isOperator && !isNotIn) return left
      this.pos += isNotIn ? 2 : 1
      if (token.text === 'is' && this.isName('not')) this.pos++
      const right = this.binary(level + 1)
      left = { kind: 'binary', op: token.text, left, right, line: left.line, start: left.start, end: right.end }
    }
  }

  private unary(): Expr {
    const token = this.peek()
    if (token.kind === 'op' && ['-', '+', '~'].includes(token.text)) {
      this.pos++
      const operand = this.unary()
      return { kind: 'unary', op: token.text, operand, line: token.line, start: token.start, end: operand.end }
    }
    const base = this.postfix()
    if (this.eatOp('**')) {
      const exponent = this.unary()
      return { kind: 'binary', op: '**', left: base, right: exponent, line: base.line, start: base.start, end: exponent.end }
    }
    return base
  }

  private postfix(): Expr {
    let expr = this.atom()
    for (;;) {
      if (this.eatOp('.')) {
        const name = this.expectKind('name')
        expr = { kind: 'attr', object: expr, name: name.text, line: expr.line, start: expr.start, end: name.end }
      } else if (this.isOp('(')) {
        const open = this.next()
        const args = this.callArgs()
        const close = this.expectClose(open, ')')
        expr = { kind: 'call', callee: expr, args, line: expr.line, start: expr.start, end: close.end }
      } else if (this.isOp('[')) {
        const open = this.next()
        const index = this.exprList()
        const close = this.expectClose(open, ']')
        expr = { kind: 'subscript', object: expr, index, line: expr.line, start: expr.start, end: close.end }
      } else return expr
    }
  }

  private callArgs(): Arg[] {
    const args: Arg[] = []
    while (!this.isOp(')')) {
      const first = this.peek()
      let arg: Arg
      if (this.isOp('*') || this.isOp('**')) {
        const star = this.next().text as '*' | '**'
        const value = this.expr()
        arg = { star, value, ...this.span(first, value) }
      } else if (first.kind === 'name' && this.tokens[this.pos + 1]?.text === '=' && this.tokens[this.pos + 1]?.kind === 'op') {
        this.pos += 2
        const value = this.expr()
        arg = { name: first.text, value, ...this.span(first, value) }
      } else {
        const value = this.expr()
        if (this.isName('for')) return [{ value: this.comprehensionRest(value), ...this.span(first, value) }]
        arg = { value, ...this.span(first, value) }
      }
      args.push(arg)
      if (!this.eatOp(',')) break
    }
    return args
  }

  private comprehensionRest(first: Expr): Expr {
    const rest = this.opaque('a comprehension', false)
    return { kind: 'opaque', what: 'a comprehension', line: first.line, start: first.start, end: rest.end }
  }

  private atom(): Expr {
    const token = this.peek()
    if (token.kind === 'error') this.fail(token.text)
    if (token.kind === 'number') {
      this.pos++
      return { kind: 'num', text: token.text, line: token.line, start: token.start, end: token.end }
    }
    if (token.kind === 'string') return this.strings()
    if (token.kind === 'name') {
      this.pos++
      const span = { line: token.line, start: token.start, end: token.end }
      if (token.text === 'True') return { kind: 'const', value: true, ...span }
      if (token.text === 'False') return { kind: 'const', value: false, ...span }
      if (token.text === 'None') return { kind: 'const', value: null, ...span }
      return { kind: 'name', id: token.text, ...span }
    }
    if (token.kind === 'op' && token.text === '(') return this.sequence('(', ')')
    if (token.kind === 'op' && token.text === '[') return this.sequence('[', ']')
    if (token.kind === 'op' && token.text === '{') return this.braces()
    if (token.kind === 'op' && token.text === '...') {
      this.pos++
      return { kind: 'opaque', what: 'an ellipsis', line: token.line, start: token.start, end: token.end }
    }
    return this.fail(`unexpected ${describe(token)}`)
  }

  private strings(): Expr {
    const first = this.peek()
    let value = ''
    let fString = false
    let bytes = false
    let last = first
    while (this.peek().kind === 'string') {
      last = this.next()
      value += last.value ?? ''
      fString ||= last.prefix!.includes('f')
      bytes ||= last.prefix!.includes('b')
    }
    return { kind: 'str', value, fString, bytes, line: first.line, start: first.start, end: last.end }
  }

  private sequence(open: '(' | '[', close: ')' | ']'): Expr {
    const first = this.next()
    const items: Expr[] = []
    let trailingComma = false
    while (!this.isOp(close)) {
      const item = this.isOp('*') ? this.starred() : this.expr()
      if (this.isName('for')) {
        this.comprehensionRest(item)
        const end = this.expectClose(first, close)
        return { kind: 'opaque', what: 'a comprehension', line: first.line, start: first.start, end: end.end }
      }
      items.push(item)
      trailingComma = this.eatOp(',')
      if (!trailingComma) break
    }
    const end = this.expectClose(first, close)
    const span = { line: first.line, start: first.start, end: end.end }
    if (open === '[') return { kind: 'list', items, ...span }
    if (items.length === 1 && !trailingComma) return { ...items[0]!, ...span }
    return { kind: 'tuple', items, ...span }
  }

  private starred(): Expr {
    const star = this.next()
    const value = this.expr()
    return { kind: 'opaque', what: 'an unpacking `*`', line: star.line, start: star.start, end: value.end }
  }

  private braces(): Expr {
    const first = this.next()
    const entries: DictEntry[] = []
    const items: Expr[] = []
    while (!this.isOp('}')) {
      if (this.eatOp('**')) entries.push({ spread: this.binary(0) })
      else {
        const key = this.expr()
        if (this.isName('for')) {
          this.comprehensionRest(key)
          const end = this.expectClose(first, '}')
          return { kind: 'opaque', what: 'a comprehension', line: first.line, start: first.start, end: end.end }
        }
        if (this.eatOp(':')) {
          const value = this.expr()
          if (this.isName('for')) {
            this.comprehensionRest(value)
            const end = this.expectClose(first, '}')
            return { kind: 'opaque', what: 'a comprehension', line: first.line, start: first.start, end: end.end }
          }
          entries.push({ key, value })
        } else items.push(key)
      }
      if (!this.eatOp(',')) break
    }
    const end = this.expectClose(first, '}')
    const span = { line: first.line, start: first.start, end: end.end }
    if (items.length > 0 && entries.length > 0) this.fail('a `{...}` mixes dict entries and set items', first.line)
    return items.length > 0 ? { kind: 'set', items, ...span } : { kind: 'dict', entries, ...span }
  }

  private skipLine(): number {
    let end = this.peek().start
    while (this.peek().kind !== 'newline' && this.peek().kind !== 'end') end = this.next().end
    return end
  }

  private span(first: Token | Span, last: Span): Span {
    return { line: first.line, start: first.start, end: last.end }
  }

  private peek(): Token {
    return this.tokens[this.pos]!
  }

  private next(): Token {
    const token = this.tokens[this.pos]!
    if (token.kind !== 'end') this.pos++
    return token
  }

  private atLineEnd(): boolean {
    const kind = this.peek().kind
    return kind === 'newline' || kind === 'end' || this.isOp(';')
  }

  private isOp(text: string): boolean {
    return this.peek().kind === 'op' && this.peek().text === text
  }

  private isName(text: string): boolean {
    return this.peek().kind === 'name' && this.peek().text === text
  }

  private eatOp(text: string): boolean {
    if (!this.isOp(text)) return false
    this.pos++
    return true
  }

  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected \`${text}\` but found ${describe(this.peek())}`)
    return this.next()
  }

  /** A closing bracket; when the next line starts instead, the opening bracket is what is wrong. */
  private expectClose(open: Token, close: string): Token {
    if (this.isOp(close)) return this.next()
    const next = this.peek()
    const previous = this.tokens[this.pos - 1]!
    if (next.line > open.line && previous.line < next.line) this.fail(`\`${open.text}\` opened here is not closed (or a comma is missing before line ${next.line})`, open.line)
    return this.expectOp(close)
  }

  private expectName(text: string): Token {
    if (!this.isName(text)) this.fail(`expected \`${text}\` but found ${describe(this.peek())}`)
    return this.next()
  }

  private expectKind(kind: 'name'): Token {
    if (this.peek().kind !== kind) this.fail(`expected a name but found ${describe(this.peek())}`)
    return this.next()
  }

  private fail(message: string, line = this.peek().line): never {
    throw new ParseError(message, line)
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the snippet'
  if (token.kind === 'newline') return 'the end of the line'
  if (token.kind === 'error') return token.text
  return `\`${token.text.length > 30 ? token.text.slice(0, 30) + '…' : token.text}\``
}
