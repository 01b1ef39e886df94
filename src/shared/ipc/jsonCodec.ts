import type { WireMessage } from './wire'

/** Throws on values JSON cannot carry (bigint, cycles), which is what a transport's `send` must do. */
export function encodeMessage(message: WireMessage): string {
  return JSON.stringify(message)
}

/** `undefined` for text that is not JSON: never a valid message, so receivers drop it. */
export function decodeMessage(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
