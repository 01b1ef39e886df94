import type { ImplOf, RpcContext } from '../../src/shared/ipc/contract'
import { AppError } from '../../src/shared/ipc/errors'
import type { demo } from './demoContract'

type Demo = ImplOf<typeof demo>
type BroadcastMessage = { channel: string; message: string }

/** The demo contract's implementation, with hooks the tests observe. */
export class DemoService implements Demo {
  /** The AbortSignal of every waitForCancel call received. */
  readonly waitingSignals: AbortSignal[] = []
  teardowns = 0
  private readonly broadcastSubscribers = new Set<{ channel: string; emit: (message: BroadcastMessage) => void }>()

  echo({ text }: { text: string }) {
    return { text }
  }

  add({ a, b }: { a: number; b: number }) {
    return a + b
  }

  version() {
    return 'demo-1'
  }

  async delayedEcho({ text, delayMs }: { text: string; delayMs: number }) {
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return text
  }

  fail({ code, message, details }: { code: string; message: string; details?: Record<string, string> }): void {
    throw new AppError(code, message, details)
  }

  crash({ message }: { message: string }): void {
    throw new Error(message)
  }

  waitForCancel(_args: void, ctx: RpcContext): Promise<void> {
    this.waitingSignals.push(ctx.signal)
    return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }))
  }

  unserialisable() {
    return 10n
  }

  wrongShape() {
    return { ok: 'yes' } as unknown as { ok: boolean }
  }

  /** Returns how many subscriptions received the message. */
  broadcast(message: BroadcastMessage) {
    let receivers = 0
    for (const subscriber of this.broadcastSubscribers) {
      if (subscriber.channel !== message.channel) continue
      subscriber.emit(message)
      receivers++
    }
    return receivers
  }

  onNumbers({ from, count }: { from: number; count: number }, emit: (n: number) => void) {
    let next = from
    const timer = setInterval(() => {
      for (let i = 0; i < 10 && next < from + count; i++) emit(next++)
      if (next >= from + count) clearInterval(timer)
    }, 0)
    return () => {
      clearInterval(timer)
      this.teardowns++
    }
  }

  onBroadcast({ channel }: { channel: string }, emit: (message: BroadcastMessage) => void) {
    const subscriber = { channel, emit }
    this.broadcastSubscribers.add(subscriber)
    return {
      dispose: () => {
        this.broadcastSubscribers.delete(subscriber)
        this.teardowns++
      }
    }
  }
}
