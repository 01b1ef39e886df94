import type { ColumnDef, ColumnType } from '../../types'
import type { Converter } from '../json/jsonNested'
import { defaultWriter, type DefaultWriter } from './jsonDefaults'
import { COLUMN_TYPE, scalarConverter } from './jsonScalars'
import type { JsonArrayValue, JsonObjectValue, JsonScalarValue, JsonTupleValue, JsonTypedObjectValue, JsonValue } from './jsonValues'

/** A scalar: one column. */
export const LEAF_SCALAR = 0
/** An array of scalars: one list column. */
export const LEAF_LIST = 1
/** An array of arrays / tuples / typed objects: one string column of compact JSON text. */
export const LEAF_JSON_ARRAY = 2
/** An array of objects: one list column per leaf of the element object (`width` columns). */
export const LEAF_OBJECT_ARRAY = 3

export interface LeafPlan {
  /** The JSON path from the reader's root (array positions as decimal text). */
  readonly path: readonly string[]
  readonly label: string
  readonly column: number
  readonly width: number
  readonly code: number
  readonly value: JsonScalarValue | JsonArrayValue
  /** The scalar's converter, or a list's element converter. */
  readonly convert: Converter | null
  readonly onMissing: DefaultWriter | null
  readonly onNull: DefaultWriter | null
  /** Lists: whether null elements are allowed, and their default. */
  readonly elementAllowNull: boolean
  readonly elementOnNull: DefaultWriter | null
  /** Arrays of objects: the plan of the element object. */
  readonly element: Plan | null
  /** The typed object whose type column this is (container index), or -1. */
  readonly typedBy: number
}

export interface TypeBranch {
  readonly name: Uint8Array
  /** The pseudo-container holding the type's own fields. */
  readonly container: number
}

export interface ContainerPlan {
  readonly path: readonly string[]
  readonly label: string
  readonly parent: number
  /** Columns [lo, hi) of everything below. */
  readonly lo: number
  hi: number
  /** The value; null for a typed object's branch (one type's own fields). */
  readonly value: JsonObjectValue | JsonTupleValue | JsonTypedObjectValue | null
  /** Field names allowed in the object when unknown fields are not (null: any field allowed). */
  known: Set<string> | null
  /** Typed objects: the type column's leaf, the shared columns [sharedLo, sharedHi) and the branches. */
  typeLeaf: number
  sharedHi: number
  readonly branches: TypeBranch[]
}

export interface Plan {
  readonly columns: ColumnDef[]
  readonly leaves: LeafPlan[]
  /** Parents before children; containers[0] is the root. */
  readonly containers: ContainerPlan[]
}

function labelOf(path: readonly string[], tupleDepths: ReadonlySet<number>): string {
  let text = ''
  path.forEach((p, i) => (text += tupleDepths.has(i) ? `[${p}]` : text === '' ? p : `.${p}`))
  return path.length === 0 ? 'the value' : `field '${text}'`
}

/**
 * Plans the columns of an object value: nested objects' columns are named `parent_child`, tuple positions
 * `name_<index or name>`, typed objects give the type column, the shared fields and `<type>_<field>`. `inElement`:
 * the plan of an array's element object, whose columns become list columns (so no lists inside).
 */
export function planObject(root: JsonObjectValue, inElement: boolean): Plan {
  const columns: ColumnDef[] = []
  const leaves: LeafPlan[] = []
  const containers: ContainerPlan[] = []
  const names = new Set<string>()
  const tupleDepths = new Set<number>()

  const addColumn = (nameParts: readonly string[], type: ColumnType): number => {
    const name = nameParts.join('_')
    if (names.has(name)) throw new TypeError(`jsonObject(): two fields give the column '${name}'`)
    names.add(name)
    columns.push({ name, type: inElement ? (`list<${type}>` as ColumnType) : type })
    return columns.length - 1
  }

  const container = (value: ContainerPlan['value'], path: readonly string[], parent: number): ContainerPlan => {
    const plan: ContainerPlan = { path, label: labelOf(path, tupleDepths), parent, lo: columns.length, hi: 0, value, known: null, typeLeaf: -1, sharedHi: 0, branches: [] }
    containers.push(plan)
    return plan
  }

  const scalarLeaf = (value: JsonScalarValue, path: readonly string[], nameParts: readonly string[], typedBy = -1): void => {
    const label = labelOf(path, tupleDepths)
    const column = addColumn(nameParts, COLUMN_TYPE[value.kind])
    leaves.push({
      path,
      label,
      column,
      width: 1,
      code: LEAF_SCALAR,
      value,
      convert: scalarConverter(value),
      onMissing: defaultWriter(value, value.onMissing, `${label} onMissing`),
      onNull: defaultWriter(value, value.onNull, `${label} onNull`),
      elementAllowNull: false,
      elementOnNull: null,
      element: null,
      typedBy
    })
  }

  const arrayLeaf = (value: JsonArrayValue, path: readonly string[], nameParts: readonly string[]): void => {
    const label = labelOf(path, tupleDepths)
    const element = value.element
    const common = { path, label, value, onMissing: null, onNull: null, typedBy: -1 }
    if (element.kind === 'object') {
      if (inElement) throw new TypeError(`jsonObject(): ${label}: arrays of objects inside arrays of objects are not supported`)
      const sub = planObject(element, true)
      const first = columns.length
      for (const c of sub.columns) addColumnRaw(c.name, nameParts, c.type)
      leaves.push({ ...common, column: first, width: sub.columns.length, code: LEAF_OBJECT_ARRAY, convert: null, elementAllowNull: element.allowNull, elementOnNull: null, element: sub })
      return
    }
    if (element.kind === 'skip') return
    if (element.kind === 'array' || element.kind === 'tuple' || element.kind === 'typedObject') {
      const column = addColumn(nameParts, 'string')
      leaves.push({ ...common, column, width: 1, code: LEAF_JSON_ARRAY, convert: null, elementAllowNull: element.allowNull, elementOnNull: null, element: null })
      return
    }
    if (inElement) throw new TypeError(`jsonObject(): ${label}: arrays inside arrays of objects are not supported`)
    const column = addColumn(nameParts, `list<${COLUMN_TYPE[element.kind]}>` as ColumnType)
    leaves.push({
      ...common,
      column,
      width: 1,
      code: LEAF_LIST,
      convert: scalarConverter(element),
      elementAllowNull: element.allowNull,
      elementOnNull: defaultWriter(element, element.onNull, `${label} element onNull`),
      element: null
    })
  }

  /** A column already planned by an element plan (its type already a list). */
  const addColumnRaw = (subName: string, nameParts: readonly string[], type: ColumnType): void => {
    const name = [...nameParts, subName].join('_')
    if (names.has(name)) throw new TypeError(`jsonObject(): two fields give the column '${name}'`)
    names.add(name)
    columns.push({ name, type })
  }

  const walk = (value: JsonValue, path: readonly string[], nameParts: readonly string[], parent: number): void => {
    switch (value.kind) {
      case 'skip':
        return
      case 'object': {
        const index = containers.length
        const plan = container(value, path, parent)
        if (!value.allowUnknownFields) plan.known = new Set(Object.keys(value.fields))
        for (const [name, child] of Object.entries(value.fields)) walk(child, [...path, name], [...nameParts, name], index)
        plan.hi = columns.length
        return
      }
      case 'tuple': {
        const index = containers.length
        const plan = container(value, path, parent)
        tupleDepths.add(path.length)
        value.positions.forEach(([name, child], i) => walk(child, [...path, String(i)], [...nameParts, name], index))
        tupleDepths.delete(path.length)
        plan.hi = columns.length
        return
      }
      case 'typedObject': {
        const index = containers.length
        const plan = container(value, path, parent)
        plan.typeLeaf = leaves.length
        const typeValue: JsonScalarValue = { kind: 'string', allowMissing: false, allowNull: false, allowString: false, allowDecimal: false, allowInt: false, allowBool: false }
        scalarLeaf(typeValue, [...path, value.typeField], [...nameParts, value.typeField], index)
        for (const [name, child] of Object.entries(value.shared)) walk(child, [...path, name], [...nameParts, name], index)
        plan.sharedHi = columns.length
        const sharedKnown = [value.typeField, ...Object.keys(value.shared)]
        for (const [type, object] of Object.entries(value.objects)) {
          const branchIndex = containers.length
          const branch = container(null, path, index)
          if (!object.allowUnknownFields) branch.known = new Set([...sharedKnown, ...Object.keys(object.fields)])
          for (const [name, child] of Object.entries(object.fields)) walk(child, [...path, name], [...nameParts, type, name], branchIndex)
          branch.hi = columns.length
          plan.branches.push({ name: Buffer.from(type, 'utf8'), container: branchIndex })
        }
        plan.hi = columns.length
        return
      }
      case 'array':
        arrayLeaf(value, path, nameParts)
        return
      default:
        scalarLeaf(value, path, nameParts)
    }
  }

  walk(root, [], [], -1)
  if (columns.length === 0) throw new TypeError('jsonObject(): the value gives no column (every field is skip())')
  return { columns, leaves, containers }
}
