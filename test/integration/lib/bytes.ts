/** A big-endian int32, as Kafka's IntegerSerializer writes it. */
export function int32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeInt32BE(n)
  return b
}
