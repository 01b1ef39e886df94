import type { ColumnType } from '../../../../shared/model/columns'
import type { JsonColumnDraft } from './editorDraft'

/** One field of a sample record the user can click to add as a column. */
export interface SampleField {
  /** RFC 6901 JSON Pointer of the field. */
  pointer: string
  /** Nesting depth (0 for top-level fields), for indentation. */
  depth: number
  /** The field's own name (or array index). */
  label: string
  /** The guessed column type; null for an object (it has fields of its own). */
  type: ColumnType | null
  /** The value as the picker shows it, shortened. */
  preview: string
}

export type SampleParse = { ok: true; fields: SampleField[] } | { ok: false; error: string }

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)$/
const MAX_PREVIEW = 40

/** The fields of a sample JSON record, depth first; objects are listed with their fields under them. */
export function parseSample(text: string): SampleParse {
  if (!text.trim()) return { ok: false, error: 'Paste a record (JSON) or fetch one from the topic' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'The sample is not a JSON object' }
  const fields: SampleField[] = []
  walk(value as Record<string, unknown>, '', 0, fields)
  return { ok: true, fields }
}

function walk(object: Record<string, unknown>, prefix: string, depth: number, out: SampleField[]): void {
  for (const [name, value] of Object.entries(object)) {
    const pointer = `${prefix}/${escapePointer(name)}`
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value)
    out.push({ pointer, depth, label: name, type: isObject ? null : guessType(value), preview: isObject ? '{…}' : previewOf(value) })
    if (isObject) walk(value as Record<string, unknown>, pointer, depth + 1, out)
  }
}

export function guessType(value: unknown): ColumnType {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return 'timestamp'
  return 'string'
}

function previewOf(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null'
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text
}

export function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1')
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

/**
 * The column a clicked field adds: named after the field (nested: `parent_child`), with a unique name among
 * `columns`, the guessed type and the field's pointer. Null when the field is a column already.
 */
export function columnForField(field: SampleField, columns: readonly JsonColumnDraft[]): JsonColumnDraft | null {
  if (columns.some((c) => c.pointer === field.pointer)) return null
  const base = field.pointer.slice(1).split('/').map(unescapeSegment).join('_').replace(/\s+/g, '_') || 'field'
  const taken = new Set(columns.map((c) => c.name))
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`
  return { name, type: field.type ?? 'string', pointer: field.pointer }
}
