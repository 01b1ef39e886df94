/**
 * A parser for the one-entry JAAS text Kafka takes in `sasl.jaas.config`:
 *
 *   <LoginModuleClass> <flag> [name=value ...];
 *
 * Values may be bare words or quoted with " or ', with backslash escapes (as in Java's StreamTokenizer,
 * which Kafka uses). Comments (`//`, `/* *\/`) are skipped. The final `;` may be left out.
 * Problems never quote values, since they hold credentials.
 */

export const LOGIN_FLAGS = ['required', 'requisite', 'sufficient', 'optional'] as const

export interface JaasEntry {
  loginModule: string
  flag: (typeof LOGIN_FLAGS)[number]
  options: ReadonlyMap<string, string>
}

export type JaasResult = { ok: true; entry: JaasEntry } | { ok: false; problem: string }

type Token = { kind: 'word'; text: string } | { kind: 'quoted'; text: string } | { kind: '=' } | { kind: ';' }

class JaasSyntaxError extends Error {}

const WORD_CHAR = /[^\s=;"']/
const SAFE_NAME = /^[A-Za-z0-9_.$-]{1,100}$/

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/.test(c)) {
      i++
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end + 1
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      if (end < 0) throw new JaasSyntaxError('a /* comment is not closed')
      i = end + 2
    } else if (c === '=' || c === ';') {
      tokens.push({ kind: c })
      i++
    } else if (c === '"' || c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new JaasSyntaxError(`a quoted value is not closed (missing ${c})`)
        const d = text[i]!
        if (d === c) {
          i++
          break
        }
        if (d === '\\' && i + 1 < text.length) {
          const e = text[i + 1]!
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e
          i += 2
        } else {
          value += d
          i++
        }
      }
      tokens.push({ kind: 'quoted', text: value })
    } else {
      let end = i
      while (end < text.length && WORD_CHAR.test(text[end]!)) end++
      tokens.push({ kind: 'word', text: text.slice(i, end) })
      i = end
    }
  }
  return tokens
}

function nameForMessage(name: string): string {
  return SAFE_NAME.test(name) ? `'${name}'` : 'an option'
}

export function parseJaasConfig(text: string): JaasResult {
  let tokens: Token[]
  try {
    tokens = tokenize(text)
  } catch (e) {
    return { ok: false, problem: `could not be parsed: ${(e as Error).message}.` }
  }
  let pos = 0
  const module = tokens[pos++]
  if (module === undefined) return { ok: false, problem: 'is empty: it must name a login module, a flag and the username and password.' }
  if (module.kind !== 'word') {
    return { ok: false, problem: 'must start with the login module class name, for example org.apache.kafka.common.security.plain.PlainLoginModule.' }
  }
  const flagToken = tokens[pos++]
  if (flagToken === undefined || flagToken.kind !== 'word') {
    return { ok: false, problem: `has no control flag after the login module; write one of ${LOGIN_FLAGS.join(', ')} (usually "required").` }
  }
  const flag = LOGIN_FLAGS.find((f) => f === flagToken.text.toLowerCase())
  if (flag === undefined) {
    return { ok: false, problem: `has an unknown control flag ${nameForMessage(flagToken.text)}; use one of ${LOGIN_FLAGS.join(', ')} (usually "required").` }
  }
  const options = new Map<string, string>()
  while (pos < tokens.length) {
    const t = tokens[pos++]!
    if (t.kind === ';') {
      if (pos < tokens.length) {
        return { ok: false, problem: 'contains more than one login module; exactly one is allowed.' }
      }
      break
    }
    if (t.kind !== 'word') return { ok: false, problem: 'has a value where an option name was expected; write options as name="value".' }
    const eq = tokens[pos++]
    const value = tokens[pos++]
    if (eq?.kind !== '=' || value === undefined || (value.kind !== 'word' && value.kind !== 'quoted')) {
      return { ok: false, problem: `option ${nameForMessage(t.text)} has no value; write it as ${SAFE_NAME.test(t.text) ? t.text : 'name'}="value".` }
    }
    options.set(t.text, value.text)
  }
  return { ok: true, entry: { loginModule: module.text, flag, options } }
}
