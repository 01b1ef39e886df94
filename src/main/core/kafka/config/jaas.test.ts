import { describe, expect, it } from 'vitest'
import { parseJaasConfig, type JaasEntry } from './jaas'

const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule'

function entry(text: string): JaasEntry {
  const r = parseJaasConfig(text)
  if (!r.ok) throw new Error(r.problem)
  return r.entry
}

function problem(text: string): string {
  const r = parseJaasConfig(text)
  if (r.ok) throw new Error('expected a parse problem')
  return r.problem
}

describe('parseJaasConfig', () => {
  it('parses the standard form', () => {
    const e = entry(`${PLAIN} required username="alice" password="alice-secret";`)
    expect(e.loginModule).toBe(PLAIN)
    expect(e.flag).toBe('required')
    expect(Object.fromEntries(e.options)).toEqual({ username: 'alice', password: 'alice-secret' })
  })

  it('accepts options in any order, extra whitespace and newlines', () => {
    const e = entry(`  ${PLAIN}\n  required\n    password = "p"\n    username="u" ;  `)
    expect(Object.fromEntries(e.options)).toEqual({ username: 'u', password: 'p' })
  })

  it('accepts a missing final semicolon', () => {
    expect(Object.fromEntries(entry(`${PLAIN} required username="u" password="p"`).options)).toEqual({ username: 'u', password: 'p' })
  })

  it('unescapes escaped quotes and backslashes', () => {
    const e = entry(`${PLAIN} required username="a\\"b" password="c\\\\d\\"e;f=g";`)
    expect(e.options.get('username')).toBe('a"b')
    expect(e.options.get('password')).toBe('c\\d"e;f=g')
  })

  it('accepts single-quoted and bare values, as Java does', () => {
    const e = entry(`${PLAIN} required username=alice password='it"s';`)
    expect(e.options.get('username')).toBe('alice')
    expect(e.options.get('password')).toBe('it"s')
  })

  it('accepts every control flag, case-insensitively', () => {
    for (const flag of ['required', 'requisite', 'sufficient', 'optional', 'REQUIRED']) {
      expect(entry(`${PLAIN} ${flag} username="u" password="p";`).flag).toBe(flag.toLowerCase())
    }
  })

  it('skips comments', () => {
    const e = entry(`${PLAIN} required // the login\n username="u" /* secret: */ password="p";`)
    expect(Object.fromEntries(e.options)).toEqual({ username: 'u', password: 'p' })
  })

  it('keeps an empty quoted value (checked later)', () => {
    expect(entry(`${PLAIN} required username="" password="p";`).options.get('username')).toBe('')
  })

  it('reports a missing or unknown flag', () => {
    expect(problem(`${PLAIN} username="u" password="p";`)).toContain('control flag')
    expect(problem(`${PLAIN} mandatory username="u" password="p";`)).toContain("unknown control flag 'mandatory'")
    expect(problem(`${PLAIN}`)).toContain('control flag')
  })

  it('reports an option without a value', () => {
    expect(problem(`${PLAIN} required username password="p";`)).toContain("option 'username' has no value")
    expect(problem(`${PLAIN} required username= ;`)).toContain("option 'username' has no value")
  })

  it('reports an unclosed quote without echoing the value', () => {
    const p = problem(`${PLAIN} required username="u" password="s3cret;`)
    expect(p).toContain('not closed')
    expect(p).not.toContain('s3cret')
  })

  it('reports more than one login module', () => {
    expect(problem(`${PLAIN} required username="u" password="p"; ${PLAIN} required username="v" password="q";`)).toContain(
      'more than one login module'
    )
  })

  it('reports empty text and text that does not start with a module', () => {
    expect(problem('   ')).toContain('empty')
    expect(problem('"quoted" required;')).toContain('login module class name')
  })

  it('never echoes a value in a problem', () => {
    const p = problem(`${PLAIN} required username="u" "hunter2";`)
    expect(p).not.toContain('hunter2')
  })
})
