import { floorAnswer } from '../../../bench/floor'

/**
 * The benchmark's floor (src/bench/floor.ts): `GET /bench-floor/list|page|facets|search?…`.
 * Answers only on a server started by `npm run bench` (BENCH_FLOOR=1); 404 everywhere else.
 */
export const dynamic = 'force-dynamic'

export const GET = async (request: Request, { params }: { params: Promise<{ query: string }> }) => {
  if (process.env.BENCH_FLOOR !== '1') return new Response('Not found', { status: 404 })
  const answer = await floorAnswer((await params).query, new URL(request.url).searchParams)
  return answer ? Response.json(answer) : new Response('Not found', { status: 404 })
}
