import { getPayload } from 'payload'
process.env.DATABASE_URL = 'file:' + process.cwd() + '/data/bench/bench-10000.db'
const { default: config } = await import('./payload.config')
const payload = await getPayload({ config })
const { cardFacets } = await import('./src/readModel/cardFacets')
const { projectFacets } = await import('./src/site/facets')
for (const f of [{ idfRegion: 'africa' }, {}, { q: 'migration' }, { status: 'active' }]) {
  const times: number[] = []
  for (let i = 0; i < 30; i++) {
    const t = performance.now()
    await cardFacets(payload, { locale: 'fr', ...f })
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  console.log(JSON.stringify(f), 'median', times[15].toFixed(1), 'min', times[0].toFixed(1))
}
const times: number[] = []
for (let i = 0; i < 20; i++) { const t = performance.now(); await projectFacets(payload, { locale: 'fr', where: { idfRegion: { equals: 'africa' } } }); times.push(performance.now() - t) }
times.sort((a, b) => a - b); console.log('generic africa median', times[10].toFixed(1))
process.exit(0)
