import type { OpenTableArgs } from '../../../../shared/model/tables'
import type { Expr } from './ast'
import { bindArguments, callOf, type TranslationContext } from './context'
import { literal, PyDict, PyInt, pyTypeName, type PyValue } from './literals'
import { Unmappable } from './scope'
import { translateSpec } from './specs'

// The arguments of kc.consume(...) as openTable arguments. Arguments the snippet leaves out get Deephaven's
// defaults (they differ from the editor's), and the user is told which.

const CONSUME_PARAMS = ['kafka_config', 'topic', 'partitions', 'offsets', 'key_spec', 'value_spec', 'table_type'] as const

/** consume()'s seek constants (src/main/core/api/seek.ts). */
const SEEK: Record<string, number> = { 'kc.SEEK_TO_BEGINNING': -1, 'kc.DONT_SEEK': -2, 'kc.SEEK_TO_END': -3 }
const ALL_PARTITIONS_SEEK: Record<string, number> = {
  'kc.ALL_PARTITIONS_SEEK_TO_BEGINNING': -1,
  'kc.ALL_PARTITIONS_DONT_SEEK': -2,
  'kc.ALL_PARTITIONS_SEEK_TO_END': -3
}
const DEFAULT_NOTES: Record<string, string> = {
  partitions: 'partitions: all',
  offsets: "offsets: don't seek (ALL_PARTITIONS_DONT_SEEK)",
  key_spec: 'key_spec: from properties (KeyValueSpec.FROM_PROPERTIES)',
  value_spec: 'value_spec: from properties (KeyValueSpec.FROM_PROPERTIES)',
  table_type: 'table_type: blink'
}
/** Config keys whose values must never be echoed. */
const SECRET_KEY = /password|secret|jaas|token|credential|user\.info|api\.key/i

export function translateConsumeCall(call: Extract<Expr, { kind: 'call' }>, ctx: TranslationContext): Partial<OpenTableArgs> {
  const bound = ctx.attempt(() => bindArguments(call, 'consume', CONSUME_PARAMS))
  if (!bound) return {}
  const args: Partial<OpenTableArgs> = {}
  const config = bound.get('kafka_config')
  if (config) {
    const properties = ctx.attempt(() => kafkaProperties(config.value, ctx), 'kafka_config: ')
    if (properties) args.properties = properties
  } else ctx.report(call, 'consume needs kafka_config (the Kafka client properties)')
  const topic = bound.get('topic')
  if (topic) {
    const name = ctx.attempt(() => topicName(topic.value, ctx), 'topic: ')
    if (name) args.topic = name
  } else ctx.report(call, 'consume needs a topic')
  const defaults: string[] = []
  const translate = <K extends keyof OpenTableArgs>(param: string, key: K, step: (expr: Expr) => OpenTableArgs[K] | undefined, fallback: OpenTableArgs[K]): void => {
    const arg = bound.get(param)
    if (!arg) {
      args[key] = fallback
      defaults.push(DEFAULT_NOTES[param]!)
      return
    }
    const value = step(arg.value)
    if (value !== undefined) args[key] = value
  }
  translate('partitions', 'partitions', (expr) => ctx.attempt(() => partitions(expr, ctx), 'partitions: '), 'ALL')
  translate('offsets', 'offsets', (expr) => ctx.attempt(() => offsets(expr, ctx), 'offsets: '), { '-1': -2 })
  translate('key_spec', 'keySpec', (expr) => translateSpec(expr, 'key_spec', ctx), { kind: 'fromProperties' })
  translate('value_spec', 'valueSpec', (expr) => translateSpec(expr, 'value_spec', ctx), { kind: 'fromProperties' })
  translate('table_type', 'tableType', (expr) => ctx.attempt(() => tableType(expr, ctx), 'table_type: '), { kind: 'blink' })
  if (defaults.length > 0) ctx.note(`Not set in the snippet, so Deephaven's defaults are used: ${defaults.join('; ')}`)
  if (args.keySpec?.kind === 'ignore' && args.valueSpec?.kind === 'ignore') ctx.note('Both key_spec and value_spec are IGNORE; Deephaven refuses that, and the table would only have the Kafka metadata columns')
  return args
}

function kafkaProperties(expr: Expr, ctx: TranslationContext): Record<string, string | number | boolean | null> {
  const target = ctx.scope.deref(expr)
  if (target.kind !== 'dict') {
    const value = literal(target, ctx.scope)
    throw new Unmappable(expr, `expected a dict of Kafka properties, not ${pyTypeName(value)}`)
  }
  const properties: Record<string, string | number | boolean | null> = {}
  for (const entry of target.entries) {
    // Entry by entry, so one value Python must compute does not lose the others.
    const values = ctx.attempt(() => ('spread' in entry ? spreadEntries(entry.spread, ctx) : [{ key: literal(entry.key, ctx.scope), value: entry.value, keyExpr: entry.key }]), 'kafka_config: ')
    for (const { key, value, keyExpr } of values ?? []) {
      if (typeof key !== 'string') {
        ctx.report(keyExpr, 'kafka_config: property names must be strings')
        continue
      }
      const shown = SECRET_KEY.test(key) ? `kafka_config['${key}']` : undefined
      const property = ctx.attempt(() => propertyValue(key, value, ctx), 'kafka_config: ', shown)
      if (property !== undefined) properties[key] = property
    }
  }
  return properties
}

function spreadEntries(spread: Expr, ctx: TranslationContext): { key: PyValue; value: Expr; keyExpr: Expr }[] {
  const value = literal(spread, ctx.scope)
  if (!(value instanceof PyDict)) throw new Unmappable(spread, '`**` here does not unpack a dict')
  return value.entries.map((entry) => ({ key: entry.key, value: entry.valueExpr, keyExpr: entry.keyExpr }))
}

function propertyValue(key: string, source: Expr, ctx: TranslationContext): string | number | boolean | null {
  const value = literal(source, ctx.scope)
  if (value instanceof PyInt) return value.toJson()
  if (value === null) {
    ctx.note(`kafka_config: '${key}' is None; it is passed on as an empty value (to drop a Deephaven column, set its name to "")`)
    return null
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  throw new Unmappable(source, `'${key}' must be a string, number or bool, not ${pyTypeName(value)}`)
}

function topicName(expr: Expr, ctx: TranslationContext): string {
  const value = literal(expr, ctx.scope)
  if (typeof value !== 'string' || !value) throw new Unmappable(expr, `expected a non-empty string, not ${pyTypeName(value)}`)
  return value
}

function partitions(expr: Expr, ctx: TranslationContext): OpenTableArgs['partitions'] {
  if (ctx.scope.qualifiedName(expr) === 'kc.ALL_PARTITIONS') return 'ALL'
  const value = literal(expr, ctx.scope)
  if (value === null) return 'ALL'
  if (!Array.isArray(value)) throw new Unmappable(expr, `expected a list of partition numbers, kc.ALL_PARTITIONS or None, not ${pyTypeName(value)}`)
  return value.map((item) => {
    if (!(item instanceof PyInt) || item.value < 0n || item.value > 2n ** 31n) throw new Unmappable(expr, 'every partition is a number from 0')
    return Number(item.value)
  })
}

function offsets(expr: Expr, ctx: TranslationContext): OpenTableArgs['offsets'] {
  const name = ctx.scope.qualifiedName(expr)
  if (name && name in ALL_PARTITIONS_SEEK) return { '-1': ALL_PARTITIONS_SEEK[name]! }
  const target = ctx.scope.deref(expr)
  if (target.kind === 'const' && target.value === null) return { '-1': -2 }
  if (target.kind !== 'dict') throw new Unmappable(expr, 'expected kc.ALL_PARTITIONS_SEEK_TO_BEGINNING / _DONT_SEEK / _SEEK_TO_END or a dict of partition → offset')
  const result: Record<string, number | string> = {}
  for (const entry of target.entries) {
    if ('spread' in entry) throw new Unmappable(entry.spread, '`**` in offsets is not read; write the partitions out')
    const partition = literal(entry.key, ctx.scope)
    if (!(partition instanceof PyInt) || partition.value < -1n) throw new Unmappable(entry.key, 'an offsets key is a partition number (or -1 for all others)')
    result[partition.value.toString()] = offsetValue(entry.value, ctx)
  }
  return result
}

function offsetValue(expr: Expr, ctx: TranslationContext): number | string {
  const name = ctx.scope.qualifiedName(expr)
  if (name && name in SEEK) return SEEK[name]!
  const value = literal(expr, ctx.scope)
  if (!(value instanceof PyInt) || value.value < -3n) throw new Unmappable(expr, 'an offset is a number from 0 or kc.SEEK_TO_BEGINNING / DONT_SEEK / SEEK_TO_END')
  return value.toJson()
}

function tableType(expr: Expr, ctx: TranslationContext): OpenTableArgs['tableType'] {
  const target = ctx.scope.deref(expr)
  if (target.kind === 'const' && target.value === null) return { kind: 'blink' }
  const attribute = ctx.scope.qualifiedName(target)
  if (attribute === 'kc.TableType.Append') return { kind: 'append' }
  if (attribute === 'kc.TableType.Blink' || attribute === 'kc.TableType.Stream') return { kind: 'blink' }
  const call = callOf(target, ctx.scope)
  if (call?.name === 'kc.TableType.append' && call.call.args.length === 0) return { kind: 'append' }
  if (call?.name === 'kc.TableType.blink' && call.call.args.length === 0) return { kind: 'blink' }
  if (call?.name === 'kc.TableType.stream' && call.call.args.length === 0) {
    ctx.note('TableType.stream() is the old name of TableType.blink()')
    return { kind: 'blink' }
  }
  if (call?.name === 'kc.TableType.ring') {
    const args = bindArguments(call.call, 'TableType.ring', ['capacity'])
    const capacityArg = args.get('capacity')
    if (!capacityArg) throw new Unmappable(call.call, 'TableType.ring needs a capacity')
    const capacity = literal(capacityArg.value, ctx.scope)
    if (!(capacity instanceof PyInt) || capacity.value < 1n || capacity.value > 2n ** 31n) throw new Unmappable(capacityArg.value, 'the ring capacity is a whole number of rows from 1 to 2^31')
    return { kind: 'ring', capacity: Number(capacity.value) }
  }
  throw new Unmappable(expr, 'expected TableType.append(), TableType.blink() or TableType.ring(N)')
}
