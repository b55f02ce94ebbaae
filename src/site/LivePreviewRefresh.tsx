'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Inside the admin's live preview, tells the admin the page is ready and re-renders it from the
 * server each time the editor saves (the admin posts a `payload-document-event`). Payload's own
 * @payloadcms/live-preview-react does the same; its releases lag Payload's, so this stays here.
 */
export const LivePreviewRefresh = ({ adminOrigin }: { adminOrigin: string }) => {
  const router = useRouter()
  useEffect(() => {
    if (window.parent === window && !window.opener) return
    const onMessage = (event: MessageEvent) => {
      if (event.origin === adminOrigin && event.data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    ;(window.opener ?? window.parent).postMessage({ type: 'payload-live-preview', ready: true }, adminOrigin)
    return () => window.removeEventListener('message', onMessage)
  }, [adminOrigin, router])
  return null
}
