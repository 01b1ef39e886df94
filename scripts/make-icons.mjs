// Draws the app icon (a rounded tile with a small table on it) and writes it as PNG files for electron-builder:
// build/icon.png (512x512, used for macOS and Windows, which electron-builder converts to .icns and .ico) and
// build/icons/<size>x<size>.png (Linux). Plain Node (zlib), no image library. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const background = [0x1f, 0x4e, 0x79]
const header = [0xf2, 0xa9, 0x00]
const cell = [0xff, 0xff, 0xff]
const grid = [0xc9, 0xd6, 0xe3]

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** RGBA pixel of the icon at (x, y) for an icon of `size` pixels. */
function pixel(x, y, size) {
  const s = size / 512
  const radius = 96 * s
  const inset = 16 * s
  const lo = inset
  const hi = size - inset
  // rounded tile: outside the corner circles is transparent
  const cx = x < lo + radius ? lo + radius : x > hi - radius ? hi - radius : x
  const cy = y < lo + radius ? lo + radius : y > hi - radius ? hi - radius : y
  if (x < lo || y < lo || x >= hi || y >= hi || (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return [0, 0, 0, 0]
  // the table: 3 columns x 4 rows, first row is the header
  const t0 = 112 * s
  const t1 = size - 112 * s
  if (x < t0 || y < t0 || x >= t1 || y >= t1) return [...background, 255]
  const line = Math.max(1, Math.round(8 * s))
  const colWidth = (t1 - t0) / 3
  const rowHeight = (t1 - t0) / 4
  const inCol = (x - t0) % colWidth
  const inRow = (y - t0) % rowHeight
  if (inCol < line / 2 || inCol >= colWidth - line / 2 || inRow < line / 2 || inRow >= rowHeight - line / 2) return [...grid, 255]
  return [...(y - t0 < rowHeight ? header : cell), 255]
}

export function iconPng(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5, size), row + 1 + x * 4)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

mkdirSync(join(root, 'build/icons'), { recursive: true })
writeFileSync(join(root, 'build/icon.png'), iconPng(512))
for (const size of [512, 256]) writeFileSync(join(root, `build/icons/${size}x${size}.png`), iconPng(size))
console.log('wrote build/icon.png and build/icons/{512x512,256x256}.png')
