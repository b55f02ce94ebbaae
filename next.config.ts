import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The SQLite, PostgreSQL and MongoDB drivers are native or Node-only: keep them out of the bundle.
  serverExternalPackages: ['libsql', '@libsql/client', 'pg', 'mongoose'],
  // The public front end comes later; until then the root opens the admin panel.
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
