import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

/** `/preview/exit`: back to the published pages. */
export async function GET() {
  ;(await draftMode()).disable()
  redirect('/en/projects')
}
