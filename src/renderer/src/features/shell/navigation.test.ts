import { describe, expect, it } from 'vitest'
import { createNavigation } from './navigation'

describe('navigation', () => {
  it('openEditor shows the tables section, remembers the profile and tells the shell', () => {
    const nav = createNavigation()
    let opened = 0
    nav.onOpenEditor(() => opened++)
    nav.show('registry')
    nav.openEditor({ profileId: 'p1', args: { topic: 'orders' } })
    expect(nav.section.value).toBe('tables')
    expect(nav.activeProfileId.value).toBe('p1')
    expect(nav.editorRequest.value?.prefill.args?.topic).toBe('orders')
    expect(opened).toBe(1)
  })

  it('each request is new, even with the same prefill', () => {
    const nav = createNavigation()
    nav.openEditor({})
    const first = nav.editorRequest.value?.seq
    nav.openEditor({})
    expect(nav.editorRequest.value?.seq).not.toBe(first)
  })
})
