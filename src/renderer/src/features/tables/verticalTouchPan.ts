/**
 * Reports a finger dragged up or down `el` as pixel deltas (positive: content moves up, like a scroll down).
 * For a box that lets the browser pan only sideways (touch-action: pan-x). Returns the detach function.
 */
export function attachVerticalTouchPan(el: HTMLElement, onPan: (deltaY: number) => void): () => void {
  let touch: { id: number; y: number } | null = null
  const down = (event: PointerEvent) => {
    if (event.pointerType === 'touch' && touch === null) touch = { id: event.pointerId, y: event.clientY }
  }
  const move = (event: PointerEvent) => {
    if (touch?.id !== event.pointerId) return
    const dy = touch.y - event.clientY
    touch.y = event.clientY
    if (dy) onPan(dy)
  }
  const end = (event: PointerEvent) => {
    if (touch?.id === event.pointerId) touch = null
  }
  el.addEventListener('pointerdown', down)
  el.addEventListener('pointermove', move)
  el.addEventListener('pointerup', end)
  el.addEventListener('pointercancel', end)
  return () => {
    el.removeEventListener('pointerdown', down)
    el.removeEventListener('pointermove', move)
    el.removeEventListener('pointerup', end)
    el.removeEventListener('pointercancel', end)
  }
}
