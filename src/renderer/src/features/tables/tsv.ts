// Tab-separated text as spreadsheets paste it: a field with a tab, a line break or a double quote is
// quoted, with its quotes doubled (what Excel, LibreOffice and Google Sheets produce and read).

export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows of fields as TSV, lines separated by \n, the header first when given. */
export function buildTsv(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const lines = header ? [header, ...rows] : rows
  return lines.map((fields) => fields.map(tsvField).join('\t')).join('\n')
}
