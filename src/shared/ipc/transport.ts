import type { WireMessage } from './wire'

/**
 * A message pipe between one client and one server (VS Code's IMessagePassingProtocol).
 * Implementations: memoryTransport (tests), WebSocket (headless/e2e), Electron IPC (per webContents).
 */
export interface Transport {
  /** Throws if the message is not JSON-serialisable. Does nothing once the transport is closed. */
  send(message: WireMessage): void
  /**
   * Incoming messages are `unknown`: the receiver validates them. Messages that arrive before the
   * first listener is added are held for it, so attaching a little late loses nothing.
   */
  onMessage(listener: (message: unknown) => void): () => void
  /** Called once, when either end closes. A listener added after the close is called soon after. */
  onClose(listener: () => void): () => void
  close(): void
}
