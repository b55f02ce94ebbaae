// Queries a freshly started production server as a newcomer and a front end would.
const base = process.argv[2]
const failures = []
const check = (what, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`)
  if (!ok) failures.push(what)
}

const states = await (await fetch(`${base}/api/member-states?limit=0&depth=0`)).json()
const members = states.docs.filter((state) => state.membership === 'member').length
check('175 Member States and 8 observer States are loaded', members === 175 && states.totalDocs === 183, `${members} / ${states.totalDocs}`)

const projects = await (await fetch(`${base}/api/projects?locale=fr`)).json()
const lesotho = projects.docs[0]
check('the Lesotho sample project is published, in French', lesotho?.projectId === 'LM.0304' && lesotho?.translatedLocales?.join() === 'fr', lesotho?.title)
check('with its three outcomes', lesotho?.outcomes?.docs?.length === 3)

const graphql = await (
  await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ Projects(locale: fr) { docs { slug labels { status idfRegion } } } }' }),
  })
).json()
const labels = graphql.data?.Projects?.docs?.[0]?.labels
check('GraphQL answers with labels in French', labels?.status === 'Achevé' && labels?.idfRegion === 'Afrique', JSON.stringify(labels))

const admin = await fetch(`${base}/admin`)
check('the admin panel answers', admin.status === 200, String(admin.status))

const register = await fetch(`${base}/api/users/first-register`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'ci@example.org', password: 'ci-password-1234', name: 'CI' }),
})
const registered = await register.json()
check('the first user registers and is an admin', register.status === 200 && registered.user?.roles?.join() === 'admin')

console.log(`\nsmoke checks failed: ${failures.length}`)
process.exit(failures.length ? 1 : 0)
