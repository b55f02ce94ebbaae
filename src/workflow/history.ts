import type { PayloadRequest } from 'payload'

import { relationIds } from '../domain/relations'

/** Who last submitted the project for review, from its history (undefined if nobody has). */
export const lastSubmitter = async (req: PayloadRequest, project: number | string) => {
  const { docs } = await req.payload.find({
    collection: 'review-events',
    where: { and: [{ project: { equals: project } }, { kind: { equals: 'transition' } }, { to: { equals: 'in-review' } }] },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return relationIds([docs[0]?.by])[0]
}
