// A tokenizer for the subset of Python a Deephaven snippet uses. It never throws: anything it cannot read
// becomes an 'error' token, so the parser can name the statement it sits in and go on with the next.

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'error' | 'end'

export interface Token {
  kind: TokenKind
  /** Source text; for 'error' tokens the reason. */
  text: string
  /** Decoded value of a string literal. */
  value?: string
  /** String prefix letters, lower-cased ('', 'r', 'f', 'b', 'rb', ...). */
  prefix?: string
  start: number
  end: number
  /** 1-based line of the token's start. */
  line: number
  /** 0-based column of the token's start. */
  col: number
}

const OPERATORS = ['**=', '//=', '>>=', '<<=', '...', '->', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']
const OPENERS = '([{'
const CLOSERS = ')]}'
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v' }

export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  let line = 1
  let lineStart = 0
  let depth = 0
  let lineHasTokens = false

  const push = (kind: TokenKind, text: string, start: number, startLine: number, startCol: number, extra?: Partial<Token>): void => {
    tokens.push({ kind, text, start, end: pos, line: startLine, col: startCol, ...extra })
    if (kind !== 'newline') lineHasTokens = true
  }
  const newline = (): void => {
    if (depth === 0 && lineHasTokens) {
      tokens.push({ kind: 'newline', text: '\n', start: pos, end: pos, line, col: pos - lineStart })
      lineHasTokens = false
    }
  }

  while (pos < source.length) {
    const ch = source[pos]!
    if (ch === '\n' || ch === '\r') {
      newline()
      pos += ch === '\r' && source[pos + 1] === '\n' ? 2 : 1
      line++
      lineStart = pos
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      pos++
      continue
    }
    if (ch === '#') {
      while (pos < source.length && source[pos] !== '\n' && source[pos] !== '\r') pos++
      continue
    }
    if (ch === '\\' && (source[pos + 1] === '\n' || source[pos + 1] === '\r')) {
      pos += source[pos + 1] === '\r' && source[pos + 2] === '\n' ? 3 : 2
      line++
      lineStart = pos
      continue
    }
    const start = pos
    const startLine = line
    const startCol = pos - lineStart
    const stringMatch = /^([rRbBuUfF]{0,2})(['"])/.exec(source.slice(pos, pos + 4))
    if (stringMatch && (stringMatch[1] === '' || /^[a-zA-Z]/.test(ch))) {
      const read = readString(source, pos, stringMatch[1]!.toLowerCase())
      for (const c of source.slice(pos, read.end)) if (c === '\n') line++
      const lastNewline = source.lastIndexOf('\n', read.end - 1)
      if (lastNewline >= pos) lineStart = lastNewline + 1
      pos = read.end
      if (read.error) push('error', read.error, start, startLine, startCol)
      else push('string', source.slice(start, pos), start, startLine, startCol, { value: read.value, prefix: stringMatch[1]!.toLowerCase() })
      continue
    }
    if (/[A-Za-z_\u00c0-\uffff]/.test(ch)) {
      while (pos < source.length && /[A-Za-z0-9_\u00c0-\uffff]/.test(source[pos]!)) pos++
      push('name', source.slice(start, pos), start, startLine, startCol)
      continue
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[pos + 1] ?? ''))) {
      const match = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?)/.exec(source.slice(pos))
      pos += Math.max(1, match![0].length)
      push('number', source.slice(start, pos), start, startLine, startCol)
      continue
    }
    const op = OPERATORS.find((o) => source.startsWith(o, pos)) ?? ch
    pos += op.length
    if (OPENERS.includes(op)) depth++
    if (CLOSERS.includes(op)) depth = Math.max(0, depth - 1)
    push('op', op, start, startLine, startCol)
  }
  depth = 0
  newline()
  tokens.push({ kind: 'end', text: '', start: pos, end: pos, line, col: pos - lineStart })
  return tokens
}

function readString(source: string, start: number, prefix: string): { end: number; value: string; error?: string } {
  let pos = start + prefix.length
  const quote = source[pos]!
  const triple = source.startsWith(quote.repeat(3), pos)
  const closing = triple ? quote.repeat(3) : quote
  pos += closing.length
  const raw = prefix.includes('r')
  let value = ''
  while (pos < source.length) {
    if (source.startsWith(closing, pos)) return { end: pos + closing.length, value }
    const ch = source[pos]!
    if (!triple && (ch === '\n' || ch === '\r')) return { end: pos, value, error: 'this string is not closed on its line' }
    if (ch === '\\' && pos + 1 < source.length) {
      const next = source[pos + 1]!
      if (raw) {
        value += ch + next
      } else if (next === '\n') {
        // a backslash at the end of a line continues the string
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const width = next === 'x' ? 2 : next === 'u' ? 4 : 8
        const hex = source.slice(pos + 2, pos + 2 + width)
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
          value += String.fromCodePoint(parseInt(hex, 16))
          pos += width
        } else value += ch + next
      } else value += ESCAPES[next] ?? ch + next
      pos += 2
      continue
    }
    value += ch
    pos++
  }
  return { end: pos, value, error: triple ? 'this triple-quoted string is never closed' : 'this string is not closed' }
}
