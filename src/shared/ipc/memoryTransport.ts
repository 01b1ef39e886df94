import { decodeMessage, encodeMessage } from './jsonCodec'
import type { Transport } from './transport'
import { createTransportListeners, type TransportListeners } from './transportListeners'

/**
 * Two connected in-memory transports (VS Code's createProtocolPair). Delivery is asynchronous and
 * in order, and every message is JSON round-tripped, so a payload that would break over WebSocket
 * breaks here too. Closing either end closes the other after the messages already in flight.
 */
export function createTransportPair(): [Transport, Transport] {
  const left = createTransportListeners()
  const right = createTransportListeners()
  return [connectedEnd(left, right), connectedEnd(right, left)]
}

function connectedEnd(local: TransportListeners, remote: TransportListeners): Transport {
  return {
    send(message) {
      if (local.isClosed) return
      const text = encodeMessage(message)
      setTimeout(() => remote.deliver(decodeMessage(text)), 0)
    },
    onMessage: (listener) => local.onMessage(listener),
    onClose: (listener) => local.onClose(listener),
    close() {
      if (local.markClosed()) setTimeout(() => remote.markClosed(), 0)
    }
  }
}
