'use client'
import { Button, Pill, toast, useAuth, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { key } from '../translations'
import { reviewStateLabel, ReviewStatePill } from '../ReviewStatePill'

type ReviewEvent = {
  id: number | string
  kind: 'transition' | 'note'
  from?: string | null
  to?: string | null
  note?: string | null
  override?: boolean | null
  by?: { name?: string | null; email?: string } | number | string | null
  byName?: string | null
  createdAt: string
}

type ProjectReview = {
  reviewStatus?: string
  reviewNote?: string | null
  publishAt?: string | null
  reviewEditors?: (number | string | { id: number | string })[]
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * The review panel in a project's sidebar: the review state, the reviewer's note, the buttons the
 * signed-in person may use (submit, withdraw; approve now or at a date, request changes with a
 * note), notes, and the project's review history. The server decides (src/workflow); the panel
 * offers only what the server would accept, and reloads the document after each step.
 */
export const ReviewPanel = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const modified = useFormModified()
  const [project, setProject] = useState<ProjectReview | null>(null)
  const [events, setEvents] = useState<ReviewEvent[]>([])
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const headers = { 'Content-Type': 'application/json', 'Accept-Language': i18n.language }

  const load = useCallback(async () => {
    if (!id) return
    const [doc, history] = await Promise.all([
      fetch(`${api}/${collectionSlug}/${id}?draft=true&depth=0&select[reviewStatus]=true&select[reviewNote]=true&select[publishAt]=true&select[reviewEditors]=true`, { credentials: 'include' }).then((r) => r.json()),
      fetch(`${api}/review-events?where[project][equals]=${id}&sort=-createdAt&depth=0&limit=50`, { credentials: 'include' }).then((r) => r.json()),
    ])
    setProject(doc)
    setEvents(history.docs ?? [])
  }, [api, collectionSlug, id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <section className="review-panel"><h3>{t(key('review'))}</h3><p>{t(key('createFirst'))}</p></section>
  if (!project || !user) return null

  const roles: string[] = (user as { roles?: string[] }).roles ?? []
  const reviewer = roles.includes('reviewer') || roles.includes('admin')
  const state = project.reviewStatus ?? 'draft'
  const lastSubmission = events.find((event) => event.kind === 'transition' && event.to === 'in-review')
  const submittedByMe = lastSubmission && idOf(lastSubmission.by) === user.id
  const editedByMe = (project.reviewEditors ?? []).some((editor) => idOf(editor) === user.id)

  const step = async (body: Record<string, unknown>) => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/${collectionSlug}/${id}?draft=true&depth=0`, { method: 'PATCH', credentials: 'include', headers, body: JSON.stringify(body) })
      const result = await response.json()
      if (!response.ok) {
        toast.error(result.errors?.map((error: { message: string; data?: { errors?: { message: string }[] } }) => error.data?.errors?.[0]?.message ?? error.message).join(' ') ?? response.statusText)
        return
      }
      toast.success(t(key('done')))
      // The form holds the review state it loaded: reload so the next save starts from the new one.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const addNote = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/review-events`, { method: 'POST', credentials: 'include', headers, body: JSON.stringify({ project: id, kind: 'note', note }) })
      if (!response.ok) toast.error((await response.json()).errors?.[0]?.message ?? response.statusText)
      else {
        setNote('')
        await load()
      }
    } finally {
      setBusy(false)
    }
  }

  const canSubmit = ['draft', 'changes-requested', 'approved'].includes(state)
  const canDecide = reviewer && state === 'in-review'
  const formatDate = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  return (
    <section className="review-panel" aria-labelledby="review-panel-title" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="review-panel-title" style={{ marginBottom: 'calc(var(--base) / 2)' }}>{t(key('review'))}</h3>
      <p>
        {t(key('reviewState'))}: <ReviewStatePill state={state} language={i18n.language} />
      </p>
      {state === 'changes-requested' && project.reviewNote && (
        <div className="review-panel__note" role="note" style={{ borderLeft: '3px solid var(--theme-warning-500)', padding: '0 0 0 calc(var(--base) / 2)', margin: 'calc(var(--base) / 2) 0' }}>
          <strong>{t(key('reviewerNote'))}</strong>
          <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{project.reviewNote}</p>
        </div>
      )}
      {state === 'approved' && project.publishAt && new Date(project.publishAt) > new Date() && <p>{t(key('scheduled'), { date: formatDate(project.publishAt) } as never)}</p>}

      {canSubmit && (
        <>
          <Button buttonStyle="primary" disabled={busy || modified} onClick={() => step({ reviewStatus: 'in-review' })}>
            {t(key(state === 'changes-requested' ? 'resubmit' : 'submit'))}
          </Button>
          {modified && <p style={{ color: 'var(--theme-elevation-500)' }}>{t(key('saveFirst'))}</p>}
        </>
      )}
      {state === 'in-review' && submittedByMe && !reviewer && (
        <Button buttonStyle="secondary" disabled={busy} onClick={() => step({ reviewStatus: 'draft' })}>
          {t(key('withdraw'))}
        </Button>
      )}
      {canDecide && (
        <div className="review-panel__decide">
          <Button buttonStyle="primary" disabled={busy || modified || (editedByMe && !roles.includes('admin'))} onClick={() => step({ reviewStatus: 'approved' })}>
            {t(key('approve'))}
          </Button>
          <label style={{ display: 'block' }}>
            {t(key('publishOn'))}
            <input type="datetime-local" className="review-panel__publish-at" value={publishAt} onChange={(event) => setPublishAt(event.target.value)} style={{ display: 'block', width: '100%' }} />
          </label>
          <Button buttonStyle="secondary" disabled={busy || modified || !publishAt} onClick={() => step({ reviewStatus: 'approved', publishAt: new Date(publishAt).toISOString() })}>
            {t(key('approveLater'))}
          </Button>
        </div>
      )}
      <label style={{ display: 'block', marginTop: 'var(--base)' }}>
        {canDecide ? t(key('changesNote')) : t(key('note'))}
        <textarea className="review-panel__note-input" value={note} onChange={(event) => setNote(event.target.value)} rows={3} style={{ display: 'block', width: '100%' }} />
      </label>
      {canDecide && (
        <Button buttonStyle="secondary" disabled={busy || modified || !note.trim()} onClick={() => step({ reviewStatus: 'changes-requested', reviewNote: note })}>
          {t(key('requestChanges'))}
        </Button>
      )}
      <Button buttonStyle="subtle" disabled={busy || !note.trim()} onClick={addNote}>
        {t(key('addNote'))}
      </Button>

      <h4 style={{ marginTop: 'var(--base)' }}>{t(key('history'))}</h4>
      {events.length === 0 ? (
        <p>{t(key('noHistory'))}</p>
      ) : (
        <ol className="review-panel__history" style={{ paddingLeft: 0, listStyle: 'none' }}>
          {events.map((event) => (
            <li key={event.id} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
              <time dateTime={event.createdAt}>{formatDate(event.createdAt)}</time>{' '}
              {event.kind === 'transition' ? (
                <>
                  {reviewStateLabel(event.from ?? 'draft', i18n.language)} → <strong>{reviewStateLabel(event.to ?? 'draft', i18n.language)}</strong>
                </>
              ) : (
                <strong>{t(key('note'))}</strong>
              )}{' '}
              {t(key('by'), { name: event.byName || t(key('someone')) } as never)}
              {event.override && <Pill size="small">{t(key('override'))}</Pill>}
              {event.note && <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
