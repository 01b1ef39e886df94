/** Null bitmaps: one bit per row of a chunk, set = null. Capacities are multiples of 8. */

export function newNullBits(capacity: number): Uint8Array {
  return new Uint8Array(capacity >>> 3)
}

export function growNullBits(bits: Uint8Array, capacity: number): Uint8Array {
  const grown = new Uint8Array(capacity >>> 3)
  grown.set(bits)
  return grown
}

export function setNullBit(bits: Uint8Array, offset: number): void {
  bits[offset >>> 3] |= 1 << (offset & 7)
}

export function clearNullBit(bits: Uint8Array, offset: number): void {
  bits[offset >>> 3] &= ~(1 << (offset & 7))
}

export function testNullBit(bits: Uint8Array, offset: number): boolean {
  return (bits[offset >>> 3] & (1 << (offset & 7))) !== 0
}
