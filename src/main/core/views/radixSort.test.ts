import { describe, expect, it } from 'vitest'
import { radixOrder } from './radixSort'
import { rng } from './viewTestSupport'

function reference(words: Uint32Array[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const w of words) if (w[a] !== w[b]) return w[a] - w[b]
    return a - b
  })
}

describe('radixOrder', () => {
  it('sorts by words, most significant first, stably', () => {
    for (const n of [0, 1, 2, 100, 5000, 70_000]) {
      const random = rng(n + 1)
      const words = [0, 1, 2].map((w) => {
        const word = new Uint32Array(n)
        for (let i = 0; i < n; i++) {
          // Word 0: few values (ties); word 1: full range; word 2: a constant (skipped passes).
          word[i] = w === 0 ? Math.floor(random() * 5) * 0x01010101 : w === 1 ? Math.floor(random() * 2 ** 32) : 7
        }
        return word
      })
      expect(Array.from(radixOrder(words, n))).toEqual(reference(words, n))
    }
  })

  it('keeps item order on ties and with no words', () => {
    const tie = new Uint32Array(10).fill(3)
    expect(Array.from(radixOrder([tie], 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(Array.from(radixOrder([], 3))).toEqual([0, 1, 2])
  })

  it('orders the extremes of the unsigned range', () => {
    const word = Uint32Array.from([0xffffffff, 0, 0x80000000, 0x7fffffff, 1])
    expect(Array.from(radixOrder([word], 5))).toEqual([1, 4, 3, 2, 0])
  })
})
