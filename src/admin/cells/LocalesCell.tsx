'use client'
import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

import { LOCALES } from '../../domain/locales'

/** Which of EN, FR, ES the project is written in: present ones bold, missing ones struck through. */
export const LocalesCell = ({ cellData }: DefaultCellComponentProps) => {
  const present = new Set(Array.isArray(cellData) ? cellData : [])
  return (
    <span className="locales-cell" style={{ whiteSpace: 'nowrap' }}>
      {LOCALES.map((locale) =>
        present.has(locale) ? (
          <strong key={locale} style={{ marginRight: 4 }}>{locale.toUpperCase()}</strong>
        ) : (
          <s key={locale} aria-label={`${locale.toUpperCase()} missing`} style={{ marginRight: 4, opacity: 0.45 }}>
            {locale.toUpperCase()}
          </s>
        ),
      )}
    </span>
  )
}
