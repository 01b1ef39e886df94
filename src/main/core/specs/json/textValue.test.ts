import { describe, expect, it } from 'vitest'
import { decodeBase64 } from './base64'
import { Scratch } from './scratch'
import { compactJson, snippet, unescapeString } from './textValue'

describe('unescapeString', () => {
  it('gives the UTF-8 of what JSON.parse reads (lone surrogates become U+FFFD)', () => {
    const scratch = new Scratch()
    const cases = ['plain', 'a\\"b', '\\\\\\/', '\\b\\f\\n\\r\\t', '\\u0041\\u00e9\\u20AC', '\\ud83d\\ude80', 'x\\ud800', '\\udc00y', '\\ud800\\u0041', 'grüße', '\\u0000']
    for (const content of cases) {
      const buf = Buffer.from(content)
      const n = unescapeString(buf, 0, buf.length, scratch)
      const expected = Buffer.from(JSON.parse(`"${content}"`) as string).toString() // encoding turns lone surrogates into U+FFFD
      expect(scratch.bytes.toString('utf8', 0, n), content).toBe(expected)
    }
  })
})

describe('compactJson', () => {
  it('drops whitespace between tokens only', () => {
    const scratch = new Scratch()
    const text = ' { "a b" : [ 1 , 2 ] ,\n\t"c" : "x \\" y" } '
    const buf = Buffer.from(text)
    const n = compactJson(buf, 0, buf.length, scratch)
    expect(scratch.bytes.toString('utf8', 0, n)).toBe('{"a b":[1,2],"c":"x \\" y"}')
    expect(JSON.parse(scratch.bytes.toString('utf8', 0, n))).toEqual(JSON.parse(text))
  })
})

describe('decodeBase64', () => {
  it('decodes like Buffer for valid text of every length, in both alphabets, with or without padding', () => {
    const scratch = new Scratch()
    for (let length = 0; length < 40; length++) {
      const data = Buffer.from(Array.from({ length }, (_, i) => (i * 73 + length * 11) & 255))
      for (const text of [data.toString('base64'), data.toString('base64url'), data.toString('base64').replace(/=+$/, '')]) {
        const buf = Buffer.from(text)
        const n = decodeBase64(buf, 0, buf.length, scratch)
        expect(Buffer.from(scratch.bytes.subarray(0, n)).equals(data), text).toBe(true)
      }
    }
  })

  it('rejects text that is not base64', () => {
    const scratch = new Scratch()
    for (const text of ['A', 'AAAAA', 'AA AA', 'AA=A', '====', 'A===', 'AB!D', 'AAA==', 'AQ==\n']) {
      const buf = Buffer.from(text)
      expect(decodeBase64(buf, 0, buf.length, scratch), text).toBe(-1)
    }
  })
})

describe('snippet', () => {
  it('shortens to 40 characters without splitting multi-byte text badly', () => {
    expect(snippet(Buffer.from('short'), 0, 5)).toBe('short')
    const long = 'é'.repeat(100)
    expect(snippet(Buffer.from(long), 0, Buffer.byteLength(long))).toBe('é'.repeat(40) + '…')
  })
})
