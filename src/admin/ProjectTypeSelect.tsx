'use client'
import type { OptionObject, TextFieldClientProps } from 'payload'

import { SelectField } from '@payloadcms/ui'

type Props = TextFieldClientProps & { options: OptionObject[] }

/**
 * The project type as a dropdown of the known codes ("LM — Labour Migration", in the admin's
 * language). The field stays text in the database, so a new type is a config change, not a
 * migration.
 */
export const ProjectTypeSelect = ({ options, field, path, readOnly, schemaPath }: Props) => (
  <SelectField
    field={{ ...field, type: 'select', options, hasMany: false } as never}
    path={path}
    readOnly={readOnly}
    schemaPath={schemaPath}
  />
)
