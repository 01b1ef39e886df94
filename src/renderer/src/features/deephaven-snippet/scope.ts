import { forEachNode, statementExprs, type Expr, type Stmt } from './ast'

// What names mean at a point of the snippet: imported modules (for aliases such as `kc` or `dht`) and
// variables assigned earlier at the top level. Deephaven module paths are folded to two short prefixes:
// `kc.` for deephaven.stream.kafka.consumer (alias deephaven.kafka_consumer) and `dtypes.` for deephaven.dtypes.

type Binding = { kind: 'module'; path: string } | { kind: 'value'; expr: Expr }

const CANONICAL_PREFIXES: readonly [string, string][] = [
  ['deephaven.stream.kafka.consumer', 'kc'],
  ['deephaven.kafka_consumer', 'kc'],
  ['deephaven.dtypes', 'dtypes']
]

/** Conventional names read as Deephaven's even when the snippet does not import them. */
const CONVENTIONAL_ROOTS: Record<string, string> = {
  kc: 'kc',
  kafka_consumer: 'kc',
  consumer: 'kc',
  dht: 'dtypes',
  dtypes: 'dtypes',
  TableType: 'kc.TableType',
  KeyValueSpec: 'kc.KeyValueSpec',
  ProtobufProtocol: 'kc.ProtobufProtocol'
}

/** Names deephaven.stream.kafka.consumer exports (used for `import *` and for snippets without imports). */
export const CONSUMER_EXPORTS = new Set([
  'consume',
  'consume_to_partitioned_table',
  'simple_spec',
  'json_spec',
  'avro_spec',
  'protobuf_spec',
  'object_processor_spec',
  'TableType',
  'KeyValueSpec',
  'ProtobufProtocol',
  'ALL_PARTITIONS',
  'SEEK_TO_BEGINNING',
  'DONT_SEEK',
  'SEEK_TO_END',
  'ALL_PARTITIONS_SEEK_TO_BEGINNING',
  'ALL_PARTITIONS_DONT_SEEK',
  'ALL_PARTITIONS_SEEK_TO_END'
])

/** A part of the snippet that cannot be turned into editor settings. */
export class Unmappable extends Error {
  constructor(
    readonly expr: Expr,
    readonly reason: string
  ) {
    super(reason)
  }
}

export class Scope {
  private readonly bindings = new Map<string, Binding>()
  /** The names as they were when each statement ran: `x = [x]` refers to the earlier `x`, as in Python. */
  private readonly bindingsAt = new WeakMap<Expr, ReadonlyMap<string, Binding>>()
  private readonly starModules: string[] = []
  /** Names read by convention because nothing in the snippet binds them. */
  readonly assumedNames = new Set<string>()

  apply(stmt: Stmt): void {
    const before = new Map(this.bindings)
    for (const expr of statementExprs(stmt)) forEachNode(expr, (node) => this.bindingsAt.set(node, before))
    if (stmt.kind === 'import') {
      for (const { module, alias } of stmt.modules) {
        if (alias) this.bindings.set(alias, { kind: 'module', path: module })
        else {
          const root = module.split('.')[0]!
          this.bindings.set(root, { kind: 'module', path: root })
        }
      }
    } else if (stmt.kind === 'from') {
      if (stmt.star) this.starModules.push(canonical(stmt.module))
      for (const { name, alias } of stmt.names) this.bindings.set(alias ?? name, { kind: 'module', path: `${stmt.module}.${name}` })
    } else if (stmt.kind === 'assign') {
      for (const target of stmt.targets) {
        if (target.kind === 'name') this.bindings.set(target.id, { kind: 'value', expr: stmt.value })
        else if (target.kind === 'tuple') for (const item of target.items) if (item.kind === 'name') this.bindings.delete(item.id)
      }
    }
  }

  /** The value a variable name stands for, followed through earlier assignments. */
  deref(expr: Expr): Expr {
    const seen = new Set<string>()
    let current = expr
    while (current.kind === 'name') {
      const binding = this.lookup(current)
      if (binding?.kind !== 'value' || seen.has(current.id)) return current
      seen.add(current.id)
      current = binding.expr
    }
    return current
  }

  /** The dotted name a name or attribute chain refers to (`kc.consume`, `dtypes.int64`), or undefined. */
  qualifiedName(expr: Expr): string | undefined {
    const target = this.deref(expr)
    if (target.kind === 'attr') {
      const object = this.qualifiedName(target.object)
      return object === undefined ? undefined : canonical(`${object}.${target.name}`)
    }
    if (target.kind !== 'name') return undefined
    const binding = this.lookup(target)
    if (binding?.kind === 'module') return canonical(binding.path)
    if (binding) return undefined
    for (const module of this.starModules) {
      if (module === 'kc' && CONSUMER_EXPORTS.has(target.id)) return `kc.${target.id}`
      if (module === 'dtypes') return `dtypes.${target.id}`
    }
    const conventional = CONVENTIONAL_ROOTS[target.id] ?? (CONSUMER_EXPORTS.has(target.id) ? `kc.${target.id}` : undefined)
    if (conventional) this.assumedNames.add(target.id)
    return conventional ?? target.id
  }

  private lookup(name: Extract<Expr, { kind: 'name' }>): Binding | undefined {
    return (this.bindingsAt.get(name) ?? this.bindings).get(name.id)
  }

  isBound(name: string): boolean {
    return this.bindings.has(name)
  }
}

function canonical(path: string): string {
  for (const [prefix, short] of CANONICAL_PREFIXES) {
    if (path === prefix) return short
    if (path.startsWith(prefix + '.')) return short + path.slice(prefix.length)
  }
  return path
}
