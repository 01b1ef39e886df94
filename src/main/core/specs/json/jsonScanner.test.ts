import { describe, expect, it } from 'vitest'
import { RecordDecodeError } from '../recordDecodeError'
import { JsonScanner } from './jsonScanner'
import { buildPathTree } from './pathTree'
import { KIND_ARRAY, KIND_FALSE, KIND_NULL, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from './valueKinds'

function scanner(paths: string[][]): JsonScanner {
  return new JsonScanner(buildPathTree(paths).root, paths.length)
}

function isValid(sc: JsonScanner, text: string): boolean {
  const buf = Buffer.from(text, 'latin1')
  try {
    sc.scan(buf, 0, buf.length)
    return true
  } catch (e) {
    if (e instanceof RecordDecodeError) return false
    throw e
  }
}

function isValidForJsonParse(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A small deterministic PRNG, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomJson(next: () => number, depth: number): string {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 8))
  const ws = () => [' ', '', '', '\n', '\t', '\r', ''][Math.floor(next() * 7)]
  switch (pick) {
    case 0:
      return ['0', '-0', '12', '-3.5', '1e5', '2E-3', '0.25e+2', '123456789012345678901'][Math.floor(next() * 8)]
    case 1:
      return ['"a"', '""', '"\\u00e9\\n"', '"x\\"y"', '"\\\\"', '"/\\/"', '"é"'][Math.floor(next() * 7)]
    case 2:
      return ['true', 'false', 'null'][Math.floor(next() * 3)]
    case 3:
    case 4:
    case 5:
      return ['"a"', '1', 'null'][Math.floor(next() * 3)]
    case 6: {
      const n = Math.floor(next() * 4)
      const items = Array.from({ length: n }, () => ws() + randomJson(next, depth + 1) + ws())
      return '[' + items.join(',') + ']'
    }
    default: {
      const n = Math.floor(next() * 4)
      const keys = ['a', 'b', 'x', 'a/b', '0']
      const items = Array.from({ length: n }, () => `${ws()}"${keys[Math.floor(next() * keys.length)]}"${ws()}:${ws()}${randomJson(next, depth + 1)}${ws()}`)
      return '{' + items.join(',') + '}'
    }
  }
}

/** Breaks a valid document in a random way (insert, delete or replace one character). */
function mutate(next: () => number, text: string): string {
  const at = Math.floor(next() * (text.length + 1))
  const chars = '{}[],:"\\ 0123456789.eE+-tfnulx\u0001\n'
  const c = chars[Math.floor(next() * chars.length)]
  switch (Math.floor(next() * 3)) {
    case 0:
      return text.slice(0, at) + c + text.slice(at)
    case 1:
      return text.slice(0, at) + text.slice(at + 1)
    default:
      return text.slice(0, at) + c + text.slice(at + 1)
  }
}

describe('JsonScanner', () => {
  it('accepts exactly what JSON.parse accepts (random documents and mutations)', () => {
    const next = random(42)
    const scanners = [scanner([]), scanner([['a'], ['b']]), scanner([['a', 'b'], ['x', '0'], ['a']]), scanner([['0'], ['x', 'a']])]
    for (let k = 0; k < 4000; k++) {
      const valid = randomJson(next, 0)
      const text = k % 2 === 0 ? valid : mutate(next, valid)
      const expected = isValidForJsonParse(text)
      for (const sc of scanners) {
        if (isValid(sc, text) !== expected) throw new Error(`scanner disagrees with JSON.parse (${expected}) on ${JSON.stringify(text)}`)
      }
    }
  })

  it('agrees with JSON.parse on tricky inputs', () => {
    const sc = scanner([['a'], ['b', 'c']])
    const cases = [
      '{}', '[]', '""', '0', '-0', '1.0', '1e1', '1E+1', '1e-1', '-', '01', '1.', '.1', '1e', '1e+', '+1', '0x1', 'NaN', 'Infinity',
      '{"a":1,}', '[1,]', '{"a" 1}', '{"a":1 "b":2}', '{,}', '[,]', '{"a"}', '{1:2}', "{'a':1}", '"\\u12"', '"\\u123g"', '"\\a"',
      '"\t"', '"\u001f"', '"\u007f"', 'nul', 'truex', 'true false', '{"b":{"c":[1,{"d":2}]}}', '{"b":{"c":}}', '{"b":{"c":1}', '[[[]]]', '[[[]]',
      '{"a":[1,2,{"x":[]}],"b":{"c":"d"}}', ' \t\n\r{} \t\n\r', '\u000b{}', '{"a":"\\ud800"}', '{"a":"\\uDFFF\\uD800"}'
    ]
    for (const text of cases) expect(isValid(sc, text), text).toBe(isValidForJsonParse(text))
  })

  it('records each path value with its kind and byte range', () => {
    const sc = scanner([['s'], ['n'], ['t'], ['f'], ['z'], ['o'], ['a'], ['missing'], ['o', 'k']])
    const text = '{"s":"x\\ny","n":-1.5e3,"t":true,"f":false,"z":null,"o":{"k":[1]},"a":[{"q":1}]}'
    const buf = Buffer.from(text)
    sc.scan(buf, 0, buf.length)
    const slice = (i: number) => text.slice(sc.start[i], sc.end[i])
    expect([...sc.kind]).toEqual([KIND_STRING, KIND_NUMBER, KIND_TRUE, KIND_FALSE, KIND_NULL, KIND_OBJECT, KIND_ARRAY, 0, KIND_ARRAY])
    expect([0, 1, 2, 3, 4, 5, 6, 8].map(slice)).toEqual(['"x\\ny"', '-1.5e3', 'true', 'false', 'null', '{"k":[1]}', '[{"q":1}]', '[1]'])
    expect(sc.flags[0]).toBe(1) // escaped
    expect(sc.flags[1]).toBe(0) // not a plain integer
  })

  it('forgets values of the previous document', () => {
    const sc = scanner([['a']])
    sc.scan(Buffer.from('{"a":1}'), 0, 7)
    sc.scan(Buffer.from('{"b":1}'), 0, 7)
    expect(sc.kind[0]).toBe(0)
  })

  it('never reads past the end of the range', () => {
    const sc = scanner([['a']])
    const buf = Buffer.from('{"a":"xy"}"}')
    for (let end = 0; end < 10; end++) expect(isValid(sc, buf.subarray(0, end).toString('latin1'))).toBe(false)
    expect(() => sc.scan(buf, 0, 8)).toThrow(RecordDecodeError)
    expect(() => sc.scan(Buffer.from('{"a":12345'), 0, 7)).toThrow(RecordDecodeError)
    const numberAtEnd = Buffer.from('{"a":[12]3')
    expect(() => sc.scan(numberAtEnd, 5, 8)).toThrow(RecordDecodeError) // '[12' stops before ']'
    sc.scan(Buffer.from('{"a":12}3'), 0, 8)
    expect([sc.start[0], sc.end[0]]).toEqual([5, 7])
  })
})
