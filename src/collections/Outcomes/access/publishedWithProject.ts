import type { Access, Where } from 'payload'

const PUBLIC_OUTCOMES: Where = { and: [{ _status: { equals: 'published' } }, { projectPublished: { equals: true } }] }

/**
 * Staff read every outcome; anyone else an outcome that is published on a page that is published.
 * Unpublishing a page takes its outcomes out of the public API with it (they stay published, ready
 * for the page's return), and an outcome published on a page never published stays out of sight.
 * `projectPublished` is the page's state kept on the outcome (see followProjectPublication): the
 * condition is one column, where asking for `project._status` joined the projects table into every
 * read of outcomes, a page's included (a fifth more time for the page in process).
 */
export const publishedWithProject: Access = ({ req }) => (req.user ? true : PUBLIC_OUTCOMES)
