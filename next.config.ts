import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The SQLite, PostgreSQL and MongoDB drivers are native or Node-only: keep them out of the bundle.
  serverExternalPackages: ['libsql', '@libsql/client', 'pg', 'mongoose'],
  // The root opens the public list of projects in English; /fr/projects and /es/projects are the others.
  async redirects() {
    return [{ source: '/', destination: '/en/projects', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
