import { describe, expect, it } from 'vitest'
import { TextItems, rankText } from './stringSort'
import { rng } from './viewTestSupport'

/** Ranks by the reference order (Array#sort / JS `<`), equal values sharing a rank. */
function reference(values: string[]): number[] {
  const distinct = [...new Set(values)].sort()
  return values.map((v) => distinct.indexOf(v))
}

describe('rankText', () => {
  it('ranks strings and ASCII byte ranges by UTF-16 code units, equal values equal', () => {
    const random = rng(11)
    const alphabet = ['a', 'b', 'A', '', '\u0000', 'é', '😀', '\uFFFF', '\uFF21', 'id-', 'id-1', '\uD800']
    for (const n of [0, 1, 2, 30, 500, 5000]) {
      const values: string[] = []
      const items = new TextItems()
      const buffer = new Uint8Array(100_000)
      const slot = items.addBuffer(buffer)
      let used = 0
      for (let i = 0; i < n; i++) {
        let s = ''
        const parts = Math.floor(random() * 5)
        for (let k = 0; k < parts; k++) s += alphabet[Math.floor(random() * alphabet.length)]
        if (random() < 0.3) s = `prefix-shared-by-many-${Math.floor(random() * 40)}`
        values.push(s)
        if ([...s].every((ch) => ch.charCodeAt(0) < 0x80) && random() < 0.5) {
          for (let k = 0; k < s.length; k++) buffer[used + k] = s.charCodeAt(k)
          items.addAscii(slot, used, used + s.length)
          used += s.length
        } else {
          items.addString(s)
        }
      }
      expect(Array.from(rankText(items))).toEqual(reference(values))
    }
  })
})
