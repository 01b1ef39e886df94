import { Buffer } from 'node:buffer'
import { arrayIndexOf } from './jsonPointer'

/**
 * A node of the tree of paths the columns read: the root is the whole document, a child is one pointer segment
 * (an object field, or an array element when the segment is an index). The scanner descends only into nodes with
 * children and skips every other value.
 */
export class PathNode {
  /** Columns whose path ends here. */
  readonly columns: number[] = []
  /** Columns whose path ends here or below (cleared when a duplicate field replaces this node's value). */
  readonly subtree: number[] = []
  /** Children's field names as UTF-8 (the scanner compares raw key bytes against these). */
  readonly keys: Uint8Array[] = []
  readonly names: string[] = []
  readonly children: PathNode[] = []
  /** Each child's array index, or -1 when its segment is not one. */
  readonly indexes: number[] = []
  /** Whether keys[k] can be compared with raw JSON bytes: it has no '"', '\\' or control character (those are escaped in JSON). */
  readonly rawKeys: boolean[] = []
  /** Where the next field-name lookup starts: fields usually come in the same order, so it usually hits first. */
  hint = 0

  constructor(readonly id: number) {}

  /** The child whose field name has the UTF-8 bytes[from..to), or null. */
  find(bytes: Uint8Array, from: number, to: number): PathNode | null {
    const keys = this.keys
    const n = keys.length
    const length = to - from
    let k = this.hint
    for (let tries = 0; tries < n; tries++) {
      const key = keys[k]
      if (key.length === length) {
        let j = 0
        while (j < length && key[j] === bytes[from + j]) j++
        if (j === length) {
          this.matched(k)
          return this.children[k]
        }
      }
      k = k + 1 === n ? 0 : k + 1
    }
    return null
  }

  /** Records that child k matched, so the next lookup starts with the child after it. */
  matched(k: number): void {
    this.hint = k + 1 === this.keys.length ? 0 : k + 1
  }

  /** The child for a field name given as a string (field names written with escapes). */
  findName(name: string): PathNode | null {
    const k = this.names.indexOf(name)
    return k < 0 ? null : this.children[k]
  }

  /** The child for array element `index`, or null. */
  findIndex(index: number): PathNode | null {
    const k = this.indexes.indexOf(index)
    return k < 0 ? null : this.children[k]
  }

  child(name: string, id: number): PathNode {
    const existing = this.findName(name)
    if (existing !== null) return existing
    const node = new PathNode(id)
    this.names.push(name)
    this.keys.push(Buffer.from(name, 'utf8'))
    this.rawKeys.push(![...name].some((ch) => ch === '"' || ch === '\\' || ch < ' '))
    this.indexes.push(arrayIndexOf(name))
    this.children.push(node)
    return node
  }
}

/** The tree of the given column paths (column i reads paths[i]) and its node count. */
export function buildPathTree(paths: readonly (readonly string[])[]): { root: PathNode; nodeCount: number } {
  let nodeCount = 1
  const root = new PathNode(0)
  paths.forEach((path, column) => {
    let node = root
    node.subtree.push(column)
    for (const segment of path) {
      node = node.child(segment, nodeCount)
      if (node.id === nodeCount) nodeCount++ // a new node
      node.subtree.push(column)
    }
    node.columns.push(column)
  })
  return { root, nodeCount }
}
