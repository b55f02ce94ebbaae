import type { PublishButtonServerProps, UnpublishButtonServerProps } from 'payload'

import { PublishButton, UnpublishButton } from '@payloadcms/ui'
import React from 'react'

import { hasRole } from '../access'

/**
 * Publishing and unpublishing are a reviewer's (the server refuses them to editors, src/workflow):
 * editors are never shown a control they cannot use. A reviewer's Publish is an approval.
 */
export const ReviewerPublishButton = ({ user }: PublishButtonServerProps) => (hasRole((user as never) ?? null, 'reviewer', 'admin') ? <PublishButton /> : null)

export const ReviewerUnpublishButton = ({ user }: UnpublishButtonServerProps) => (hasRole((user as never) ?? null, 'reviewer', 'admin') ? <UnpublishButton /> : null)
