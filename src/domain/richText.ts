/**
 * Lexical rich text built from plain paragraphs: what the seed and the importer store in
 * `description`, and what `plainText` reads back. The JSON shape is Lexical's serialized editor
 * state as @payloadcms/richtext-lexical saves it.
 */
export type LexicalText = { type: 'text'; text: string; version: 1; format: 0; detail: 0; mode: 'normal'; style: '' }
export type LexicalParagraph = {
  type: 'paragraph'
  version: 1
  format: ''
  indent: 0
  direction: 'ltr'
  textFormat: 0
  textStyle: ''
  children: LexicalText[]
}
export type LexicalState = {
  root: { type: 'root'; version: 1; format: ''; indent: 0; direction: 'ltr'; children: LexicalParagraph[] }
}

export const paragraphsToLexical = (paragraphs: string[]): LexicalState => ({
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children: paragraphs
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
      })),
  },
})

type AnyNode = { text?: unknown; children?: AnyNode[] }

/** The paragraphs of a Lexical state as plain text, one string per top-level block. */
export const lexicalToParagraphs = (state: unknown): string[] => {
  const collect = (node: AnyNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(collect).join('')
  const blocks = (state as { root?: AnyNode } | null)?.root?.children ?? []
  return blocks.map(collect).filter((text) => text.trim() !== '')
}
