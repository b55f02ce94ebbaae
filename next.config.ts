import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The SQLite, PostgreSQL and MongoDB drivers are native or Node-only: keep them out of the bundle.
  serverExternalPackages: ['libsql', '@libsql/client', 'pg', 'mongoose'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
