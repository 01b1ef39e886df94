/**
 * A small syntax highlighter for schema text: JSON (keys, strings, numbers, true/false/null) and .proto
 * (keywords, scalar and message types, field numbers, strings, comments). It only splits text into typed
 * tokens; the view renders them as text in spans, so nothing is ever interpreted as HTML.
 */

export type TokenKind = 'key' | 'string' | 'number' | 'keyword' | 'type' | 'comment' | 'punct' | 'text'

export interface Token {
  kind: TokenKind
  text: string
}

const JSON_TOKEN = /("(?:[^"\\\n]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g

export function tokenizeJson(text: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const m of text.matchAll(JSON_TOKEN)) {
    const at = m.index
    if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) })
    if (m[1] !== undefined) {
      tokens.push({ kind: m[2] !== undefined ? 'key' : 'string', text: m[1] })
      if (m[2] !== undefined) tokens.push({ kind: 'punct', text: m[2] })
    } else if (m[3] !== undefined) tokens.push({ kind: 'number', text: m[3] })
    else if (m[4] !== undefined) tokens.push({ kind: 'keyword', text: m[4] })
    else tokens.push({ kind: 'punct', text: m[0] })
    last = at + m[0].length
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) })
  return tokens
}

const PROTO_KEYWORDS = new Set([
  'syntax', 'edition', 'package', 'import', 'public', 'weak', 'option', 'message', 'enum', 'oneof', 'map', 'service', 'rpc', 'returns',
  'stream', 'repeated', 'optional', 'required', 'reserved', 'extensions', 'extend', 'to', 'max', 'group', 'true', 'false'
])
const PROTO_SCALARS = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes'
])
/** Keywords after which the next identifier names a type being declared. */
const DECLARES = new Set(['message', 'enum', 'service', 'extend'])

const PROTO_TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|(\.?[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(-?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))|([{}[\]()<>;,=])/g

export function tokenizeProto(text: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  let previousWord = ''
  for (const m of text.matchAll(PROTO_TOKEN)) {
    const at = m.index
    if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) })
    const [whole, comment, str, word, num] = m
    if (comment !== undefined) tokens.push({ kind: 'comment', text: comment })
    else if (str !== undefined) tokens.push({ kind: 'string', text: str })
    else if (word !== undefined) {
      tokens.push({ kind: protoWordKind(word, previousWord), text: word })
      previousWord = word
    } else if (num !== undefined) tokens.push({ kind: 'number', text: num })
    else tokens.push({ kind: 'punct', text: whole })
    last = at + whole.length
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) })
  return tokens
}

function protoWordKind(word: string, previous: string): TokenKind {
  if (PROTO_KEYWORDS.has(word)) return 'keyword'
  if (PROTO_SCALARS.has(word) || DECLARES.has(previous) || word.includes('.') || /^[A-Z]/.test(word)) return 'type'
  return 'text'
}

/** Tokens split at newlines: one token list per line (a token spanning lines, like a block comment, is cut). */
export function tokenLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]]
  for (const token of tokens) {
    const parts = token.text.split('\n')
    parts.forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines[lines.length - 1]!.push({ kind: token.kind, text: part })
    })
  }
  return lines
}

export function highlightLines(language: 'json' | 'proto', text: string): Token[][] {
  return tokenLines(language === 'json' ? tokenizeJson(text) : tokenizeProto(text))
}
