import type { OpenTableArgs, SpecDto } from '../../../../shared/model/tables'

// The translated settings as label/value lines for the snippet dialog.

export interface SummaryLine {
  label: string
  value: string
}

const SECRET_PROPERTY = /password|secret|jaas|token|credential|user\.info|api\.key/i
const SEEK_NAMES: Record<string, string> = { '-1': 'beginning', '-2': "don't seek", '-3': 'end' }

export function summarizeArgs(args: Partial<OpenTableArgs>): SummaryLine[] {
  const lines: SummaryLine[] = []
  if (args.topic !== undefined) lines.push({ label: 'Topic', value: args.topic })
  if (args.partitions !== undefined) lines.push({ label: 'Partitions', value: args.partitions === 'ALL' ? 'all' : args.partitions.join(', ') || 'none' })
  if (args.offsets !== undefined) lines.push({ label: 'Start at', value: describeOffsets(args.offsets) })
  if (args.keySpec !== undefined) lines.push({ label: 'Key', value: describeSpec(args.keySpec) })
  if (args.valueSpec !== undefined) lines.push({ label: 'Value', value: describeSpec(args.valueSpec) })
  if (args.tableType !== undefined) lines.push({ label: 'Table type', value: args.tableType.kind === 'ring' ? `ring of ${args.tableType.capacity} rows` : args.tableType.kind })
  for (const [key, value] of Object.entries(args.properties ?? {})) {
    lines.push({ label: key, value: SECRET_PROPERTY.test(key) ? '••••' : value === null ? '(None)' : String(value) })
  }
  return lines
}

function describeOffsets(offsets: NonNullable<OpenTableArgs['offsets']>): string {
  return Object.entries(offsets)
    .map(([partition, offset]) => {
      const where = SEEK_NAMES[String(offset)] ?? `offset ${offset}`
      return partition === '-1' ? `${where} (all partitions)` : `partition ${partition}: ${where}`
    })
    .join('; ')
}

export function describeSpec(spec: SpecDto): string {
  switch (spec.kind) {
    case 'ignore':
      return 'ignored'
    case 'fromProperties':
      return 'from the deephaven.* properties'
    case 'simple':
      return `column ${spec.columnName}${spec.type ? ` (${spec.type})` : ''}`
    case 'json':
      return `JSON: ${spec.columns.map((c) => `${c.name} ${c.type}`).join(', ')}${Object.keys(spec.mapping).length ? `; mapping ${Object.entries(spec.mapping).map(([from, to]) => `${from}→${to}`).join(', ')}` : ''}`
    case 'avro':
      return spec.schema.startsWith('{') ? 'Avro with a literal schema' : `Avro subject ${spec.schema} (version ${spec.version})${spec.mapping ? `; mapping ${Object.keys(spec.mapping).length} fields${spec.mappedOnly ? ', mapped only' : ''}` : ''}`
    case 'protobuf': {
      const source = 'subject' in spec.source ? `subject ${spec.source.subject}${spec.source.version ? ` v${spec.source.version}` : ''}${spec.source.messageName ? `, message ${spec.source.messageName}` : ''}` : `message ${spec.source.messageName}`
      return `Protobuf ${source} (${spec.protocol})${spec.include ? `; include ${spec.include.join(', ')}` : ''}`
    }
    case 'jsonObject':
      return `JSON object processor: ${Object.keys(spec.fields).length} fields`
  }
}
