import type { OpenTableArgs, SpecDto } from '../../../../shared/model/tables'

/** 'ignore', 'Value: string', 'json (3 columns)', 'avro orders-value', 'protobuf acme.Order'. */
export function specSummary(spec: SpecDto): string {
  switch (spec.kind) {
    case 'ignore':
      return 'ignore'
    case 'simple':
      return `${spec.columnName}: ${spec.type ?? 'auto'}`
    case 'json':
      return `json (${spec.columns.length} columns)`
    case 'avro':
      return spec.schema.trim().startsWith('{') ? 'avro (pasted schema)' : `avro ${spec.schema}${spec.version === 'latest' ? '' : ` v${spec.version}`}`
    case 'protobuf':
      return 'subject' in spec.source ? `protobuf ${spec.source.messageName ?? spec.source.subject}` : `protobuf ${spec.source.messageName}`
    case 'jsonObject':
      return `json object (${Object.keys(spec.fields).length} fields)`
    case 'fromProperties':
      return 'from properties'
  }
}

/** Text cut in the middle to at most `max` characters, so both ends stay (a long subject keeps its version). */
export function middleEllipsis(text: string, max = 48): string {
  if (text.length <= max) return text
  const tail = Math.floor((max - 1) / 2)
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`
}

/** 'append', 'blink', 'ring 100,000'. */
export function tableTypeSummary(tableType: OpenTableArgs['tableType']): string {
  return tableType.kind === 'ring' ? `ring ${tableType.capacity.toLocaleString('en-US')}` : tableType.kind
}

/** 'from beginning', 'from end', 'latest', or 'per partition'. */
export function offsetsSummary(args: OpenTableArgs): string {
  const offsets = args.offsets ?? {}
  if (Object.keys(offsets).length > 1) return 'per partition'
  const seek = Number(offsets['-1'])
  return seek === -1 ? 'from beginning' : seek === -3 ? 'from end' : 'latest'
}
