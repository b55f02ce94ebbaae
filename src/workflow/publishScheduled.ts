import type { TaskConfig } from 'payload'
import { commitTransaction, killTransaction } from 'payload'

import { startTransaction } from '../database'

import { latestVersion } from './documents'
import { asWorkflow } from './enforceProjectWorkflow'

export const PUBLISH_SCHEDULED = 'publishScheduledProject'

/**
 * The jobs-queue task that publishes a project approved with a publish date. It publishes only
 * what was approved: if the project was edited since (and so went back to draft), nothing goes
 * live and the job says so.
 */
export const publishScheduledTask: TaskConfig<any> = {
  slug: PUBLISH_SCHEDULED,
  label: 'Publish an approved project at its publish date',
  inputSchema: [
    { name: 'project', type: 'text', required: true },
    { name: 'publishAt', type: 'text' },
  ],
  outputSchema: [{ name: 'published', type: 'checkbox' }],
  retries: 3,
  // The page and its waiting outcomes go live together or not at all: a failure between them
  // rolls both back and the retry publishes both (it would otherwise find the project already
  // published, its publish date cleared, and leave the outcomes waiting).
  handler: async ({ input, req }) => {
    const { publishWaitingOutcomes } = await import('./recordTransition')
    const began = await startTransaction(req)
    try {
      const project = await latestVersion(req, 'projects', input.project)
      const stillApproved = project?.reviewStatus === 'approved' && project?.publishAt === input.publishAt
      if (!project || !stillApproved) {
        if (began) await commitTransaction(req)
        return { output: { published: false } }
      }
      await asWorkflow(req, () =>
        req.payload.update({
          collection: 'projects',
          id: project.id,
          data: { _status: 'published', publishAt: null },
          draft: false,
          overrideAccess: true,
          req,
        }),
      )
      await publishWaitingOutcomes(project.id, req)
      if (began) await commitTransaction(req)
      return { output: { published: true } }
    } catch (error) {
      if (began) await killTransaction(req)
      throw error
    }
  },
}
