'use client'
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'
import React from 'react'

/** A budget as US dollars in the admin's number format ("150 000,00 $US" in French). */
export const BudgetCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  if (typeof cellData !== 'number') return null
  return <span style={{ whiteSpace: 'nowrap' }}>{new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'USD' }).format(cellData)}</span>
}
