/** avsc is CommonJS: under Node's ESM loader only its default export holds the API, under bundlers the namespace does. */
import * as avscNamespace from 'avsc'

export const avsc: typeof avscNamespace = (avscNamespace as unknown as { default?: typeof avscNamespace }).default ?? avscNamespace
