// "Paste a Deephaven snippet": kc.consume(...) in Python read into consume-editor settings.
export { translateDeephavenSnippet, type SnippetTranslation, type UnmappedPart } from './translate'
export { summarizeArgs, describeSpec, type SummaryLine } from './summary'
