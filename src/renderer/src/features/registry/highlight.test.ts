import { describe, expect, it } from 'vitest'
import { highlightLines, tokenizeJson, tokenizeProto, type Token } from './highlight'

const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'text' && t.kind !== 'punct').map((t) => `${t.kind}:${t.text}`)

describe('tokenizeJson', () => {
  it('tells keys from string values, numbers and keywords', () => {
    const text = '{\n  "name": "Order",\n  "size": -1.5e3,\n  "ok": true,\n  "none": null,\n  "list": ["a", 2]\n}'
    expect(kinds(tokenizeJson(text))).toEqual([
      'key:"name"',
      'string:"Order"',
      'key:"size"',
      'number:-1.5e3',
      'key:"ok"',
      'keyword:true',
      'key:"none"',
      'keyword:null',
      'key:"list"',
      'string:"a"',
      'number:2'
    ])
  })

  it('keeps every character, including escapes and markup-like text', () => {
    const text = '{"doc": "a \\"quoted\\" <b>tag</b> & more"}'
    expect(tokenizeJson(text).map((t) => t.text).join('')).toBe(text)
    expect(kinds(tokenizeJson(text))).toEqual(['key:"doc"', 'string:"a \\"quoted\\" <b>tag</b> & more"'])
  })
})

describe('tokenizeProto', () => {
  const proto = [
    'syntax = "proto3";',
    '// money in minor units',
    'import "common/money.proto";',
    'message Price {',
    '  string sku = 1; /* the',
    '  article */',
    '  common.Money amount = 2;',
    '  repeated int64 tiers = 3;',
    '}'
  ].join('\n')

  it('finds keywords, scalar and message types, field numbers, strings and comments', () => {
    expect(kinds(tokenizeProto(proto))).toEqual([
      'keyword:syntax',
      'string:"proto3"',
      'comment:// money in minor units',
      'keyword:import',
      'string:"common/money.proto"',
      'keyword:message',
      'type:Price',
      'type:string',
      'number:1',
      'comment:/* the\n  article */',
      'type:common.Money',
      'number:2',
      'keyword:repeated',
      'type:int64',
      'number:3'
    ])
    expect(tokenizeProto(proto).map((t) => t.text).join('')).toBe(proto)
  })

  it('splits tokens into lines (a block comment over two lines is cut)', () => {
    const lines = highlightLines('proto', proto)
    expect(lines).toHaveLength(9)
    expect(lines[4]!.at(-1)).toEqual({ kind: 'comment', text: '/* the' })
    expect(lines[5]![0]).toEqual({ kind: 'comment', text: '  article */' })
    expect(lines.map((l) => l.map((t) => t.text).join(''))).toEqual(proto.split('\n'))
  })
})
