'use client'
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { ReviewStatePill } from '../ReviewStatePill'

/** The review state in the projects list, as a badge. */
export const ReviewStatusCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return cellData ? <ReviewStatePill state={String(cellData)} language={i18n.language} /> : null
}
