import { gunzipSync } from 'node:zlib'
import { decompress as zstdDecompress } from 'fzstd'
import { decompress as lz4Decompress } from 'lz4js'
import { uncompress as snappyUncompress } from 'snappyjs'

// Pure-JS decoders for snappy, lz4 and zstd: no native addon to rebuild for each Electron version.

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00])
const XERIAL_HEADER_BYTES = 16

export const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const

export class UnsupportedCompressionError extends Error {}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** Java producers frame snappy the xerial way (a header, then length-prefixed blocks); librdkafka may not. */
function snappy(input: Buffer): Buffer {
  if (input.length < XERIAL_HEADER_BYTES || !input.subarray(0, 8).equals(XERIAL_MAGIC)) return toBuffer(snappyUncompress(input))
  const blocks: Buffer[] = []
  for (let at = XERIAL_HEADER_BYTES; at + 4 <= input.length; ) {
    const length = input.readInt32BE(at)
    at += 4
    blocks.push(toBuffer(snappyUncompress(input.subarray(at, at + length))))
    at += length
  }
  return Buffer.concat(blocks)
}

/** Decompresses a record batch's records with the batch's codec (attributes & 0x07). */
export function decompress(codec: number, input: Buffer): Buffer {
  switch (codec) {
    case 1:
      return gunzipSync(input)
    case 2:
      return snappy(input)
    case 3:
      return toBuffer(lz4Decompress(input))
    case 4:
      return toBuffer(zstdDecompress(input))
    default:
      throw new UnsupportedCompressionError(`unknown compression codec ${codec}`)
  }
}
