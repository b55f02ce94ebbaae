import type { FieldHook } from 'payload'

/** Link protocols that run code or smuggle content instead of leading somewhere. */
const UNSAFE_URL = /^(?:javascript|vbscript|data|file):/i

type LexicalNode = { type?: string; children?: LexicalNode[]; fields?: { url?: string } }

/** Browsers ignore spaces and control characters before a scheme: so does this check. */
const isUnsafe = (url: unknown) => typeof url === 'string' && UNSAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ''))

/** The nodes with every unsafe link unwrapped into its text: the words stay, the link goes. */
const clean = (nodes: LexicalNode[]): LexicalNode[] =>
  nodes.flatMap((node) => {
    const children = node.children ? clean(node.children) : undefined
    if ((node.type === 'link' || node.type === 'autolink') && isUnsafe(node.fields?.url)) return children ?? []
    return [children ? { ...node, children } : node]
  })

/**
 * Rich text never carries a `javascript:` (or `data:`, `vbscript:`, `file:`) link to a public page,
 * a front end or the admin, whoever wrote it (the editor, the REST or GraphQL API, an import):
 * such a link is unwrapped into its words before the document is validated and saved.
 */
export const sanitizeRichText: FieldHook = ({ value }) => {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return value
  return { ...(value as object), root: { ...root, children: clean(root.children) } }
}
