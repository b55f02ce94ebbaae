import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { hasRole } from '../../../access'

/**
 * `/preview?path=/fr/projects/slug`: for signed-in staff (the admin's session cookie), turns on
 * Next.js draft mode and opens the page, which then shows the latest draft. Anyone else is
 * refused: a draft never reaches the public this way.
 */
export async function GET(request: Request) {
  const path = new URL(request.url).searchParams.get('path') ?? ''
  if (!/^\/(en|fr|es)\/projects\/[a-z0-9-]+$/.test(path)) return new Response('Not a project page.', { status: 400 })
  const { user } = await (await getPayload({ config })).auth({ headers: request.headers })
  if (!user || !hasRole(user as never, 'admin', 'editor', 'reviewer')) return new Response('Sign in to the admin to preview drafts.', { status: 401 })
  ;(await draftMode()).enable()
  redirect(path)
}
