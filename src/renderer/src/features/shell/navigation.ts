import { inject, shallowRef, type InjectionKey, type ShallowRef } from 'vue'
import type { OpenTableArgs } from '../../../../shared/model/tables'

/** The app's top-level sections, picked in the left rail. */
export type Section = 'tables' | 'connections' | 'registry'

/** What the consume editor opens with: a topic from the topic browser, a schema from the registry, a preset. */
export interface EditorPrefill {
  profileId?: string
  args?: Partial<OpenTableArgs>
  /** The preset the settings came from, to save back under the same name. */
  presetName?: string
}

/**
 * Cross-feature navigation: features never import each other's components; they ask the shell to show a
 * section or to open the consume editor with settings.
 */
export function createNavigation() {
  const section = shallowRef<Section>('tables')
  /** The profile the user last picked; the editor and the registry browser start from it. */
  const activeProfileId = shallowRef<string | null>(null)
  /** Bumps on every openEditor call, so the editor applies the same prefill twice if asked twice. */
  const editorRequest = shallowRef<{ seq: number; prefill: EditorPrefill } | null>(null)
  let seq = 0
  const editorListeners = new Set<() => void>()

  return {
    section: section as Readonly<ShallowRef<Section>>,
    activeProfileId,
    editorRequest: editorRequest as Readonly<ShallowRef<{ seq: number; prefill: EditorPrefill } | null>>,
    show(next: Section): void {
      section.value = next
    },
    /** Shows the tables section with the consume editor tab active, filled from `prefill`. */
    openEditor(prefill: EditorPrefill = {}): void {
      if (prefill.profileId) activeProfileId.value = prefill.profileId
      editorRequest.value = { seq: ++seq, prefill }
      section.value = 'tables'
      for (const listener of editorListeners) listener()
    },
    /** The shell listens here to activate the editor tab. */
    onOpenEditor(listener: () => void): () => void {
      editorListeners.add(listener)
      return () => editorListeners.delete(listener)
    }
  }
}

export type AppNavigation = ReturnType<typeof createNavigation>

export const NAVIGATION: InjectionKey<AppNavigation> = Symbol('navigation')

export function useNavigation(): AppNavigation {
  const navigation = inject(NAVIGATION)
  if (!navigation) throw new Error('useNavigation() outside the app shell')
  return navigation
}
