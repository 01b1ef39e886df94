import { describe, expect, it } from 'vitest'
import { parseSnippet } from './parser'
import { tokenize } from './tokenizer'

describe('tokenize', () => {
  it('reads the quote styles, prefixes, escapes and adjacent strings', () => {
    const strings = tokenize(`'a\\'b' "c\\n" '''x\n'y''' r'\\d' f"{v}" b'z'`).filter((t) => t.kind === 'string')
    expect(strings.map((t) => [t.value, t.prefix])).toEqual([
      ["a'b", ''],
      ['c\n', ''],
      ["x\n'y", ''],
      ['\\d', 'r'],
      ['{v}', 'f'],
      ['z', 'b']
    ])
  })

  it('joins lines inside brackets and after a backslash, and drops comments', () => {
    const kinds = tokenize('x = (1,  # one\n 2)\ny = 3 + \\\n 4\n').map((t) => (t.kind === 'newline' ? 'NL' : t.text))
    expect(kinds).toEqual(['x', '=', '(', '1', ',', '2', ')', 'NL', 'y', '=', '3', '+', '4', 'NL', ''])
  })

  it('gives every token its line, also after a multi-line string', () => {
    const tokens = tokenize('a = """one\ntwo"""\nb = 1')
    expect(tokens.find((t) => t.text === 'b')!.line).toBe(3)
  })

  it('turns an unclosed string into an error token instead of throwing', () => {
    expect(tokenize("x = 'open\ny = 1").find((t) => t.kind === 'error')).toMatchObject({ text: 'this string is not closed on its line', line: 1 })
  })
})

describe('parseSnippet', () => {
  it('reads imports with aliases, parenthesized from-imports and star imports', () => {
    const stmts = parseSnippet('import deephaven.dtypes as dht, json\nfrom deephaven.stream.kafka.consumer import (\n  TableType as TT,\n  KeyValueSpec,\n)\nfrom deephaven.dtypes import *')
    expect(stmts).toMatchObject([
      { kind: 'import', modules: [{ module: 'deephaven.dtypes', alias: 'dht' }, { module: 'json' }] },
      { kind: 'from', module: 'deephaven.stream.kafka.consumer', names: [{ name: 'TableType', alias: 'TT' }, { name: 'KeyValueSpec' }], star: false },
      { kind: 'from', module: 'deephaven.dtypes', names: [], star: true, line: 6 }
    ])
  })

  it('reads calls with positional, keyword and trailing-comma arguments', () => {
    const [stmt] = parseSnippet("t = f(1, 'a', key=[1, 2,], **rest,)")
    expect(stmt).toMatchObject({
      kind: 'assign',
      targets: [{ kind: 'name', id: 't' }],
      value: { kind: 'call', args: [{ value: { kind: 'num', text: '1' } }, { value: { kind: 'str', value: 'a' } }, { name: 'key', value: { kind: 'list' } }, { star: '**' }] }
    })
  })

  it('keeps lambdas, comprehensions and conditional expressions as opaque parts', () => {
    const [stmt] = parseSnippet('f(lambda x: x + 1, [i for i in y], a if b else c, {k: v for k, v in z})')
    const args = stmt!.kind === 'expr' && stmt!.expr.kind === 'call' ? stmt!.expr.args : []
    expect(args.map((a) => (a.value.kind === 'opaque' ? a.value.what : a.value.kind))).toEqual(['a lambda', 'a comprehension', 'a conditional expression', 'a comprehension'])
  })

  it('reports a statement it cannot read with its line and goes on with the next', () => {
    const stmts = parseSnippet('a = 1\nb = = 2\nc = 3\nd = f(1,\n  2\n')
    expect(stmts.map((s) => [s.kind, s.line])).toEqual([
      ['assign', 1],
      ['error', 2],
      ['assign', 3],
      ['error', 4]
    ])
    expect(stmts[1]).toMatchObject({ reason: 'unexpected `=`' })
    expect(stmts[3]).toMatchObject({ reason: '`(` opened here is not closed (or a comma is missing before line 6)' })
  })

  it('turns compound statement headers into header statements and reads the body lines', () => {
    const stmts = parseSnippet('def make(topic):\n    return kc.consume(cfg, topic)\n')
    expect(stmts.map((s) => s.kind)).toEqual(['header', 'expr'])
  })
})
