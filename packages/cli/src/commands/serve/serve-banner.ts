// What `cxrlab serve` prints once it listens: where it is, where its data is, the first
// administrator's generated password (first start only), the demo, and how to log in.
import type { RunningServer } from '@cxrlab/server';
import type { ServeRequest } from './serve-options.js';

export function serveBanner(server: RunningServer, request: ServeRequest): string {
  const { url } = server;
  const lines = [
    `cxrlab server listening on ${url}`,
    `  web app   ${webAppLine(server, request)}`,
    `  database  ${server.databaseLocation} (${server.ctx.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'})`,
    `  data dir  ${server.ctx.dataDir}`,
    `  API       ${url}/api/openapi.json`,
    '',
    ...adminLines(server),
    ...demoLines(server),
    'Log in (the session cookie goes to ./jar; send the csrfToken the login returns as the',
    'X-CSRF-Token header with every change):',
    `  curl -c jar -H 'content-type: application/json' -d '{"username":"admin","password":"PASSWORD"}' ${url}/api/auth/login`,
    `  curl -b jar ${url}/api/auth/me`,
    '',
    request.log ? 'Requests are logged below. Stop with Ctrl-C.' : 'Stop with Ctrl-C (--log logs every request).',
    '',
  ];
  return lines.join('\n');
}

function adminLines(server: RunningServer): string[] {
  const admin = server.firstAdmin;
  if (admin === undefined) return [];
  const change = [
    '  Change it once logged in: POST /api/auth/password {"currentPassword": ..., "newPassword": ...}',
    '  (an administrator can set anyone\'s: PATCH /api/users/:id {"password": ...}).',
    '',
  ];
  if (admin.generatedPassword === undefined) return [`First start: created the administrator "${admin.username}" with the password in $CXRLAB_ADMIN_PASSWORD.`, ...change];
  return [
    `First start: created the administrator "${admin.username}" with this password, which is not shown again:`,
    '',
    `    ${admin.generatedPassword}`,
    '',
    ...change,
  ];
}

function demoLines(server: RunningServer): string[] {
  const demo = server.demo;
  if (demo === undefined) return [];
  const projects = demo.projects.map((p) => `  ${p.key.padEnd(10)}  ${p.workflow}, ${p.readersPerImage} reads per image${p.reviewersPerImage > 0 ? ` then ${p.reviewersPerImage} reviewers` : ''}: ${p.images} images, ${p.annotateTasks} reading tasks`);
  const names = (role: string): string => demo.users.filter((u) => u.role === role).map((u) => u.username).join(', ');
  const lines = [demo.created ? 'Demo seeded:' : 'Demo (seeded at an earlier start; the work done on it is kept):', ...projects];
  lines.push(`  users       ${names('annotator')} (annotators), ${names('reviewer')} (reviewers)`);
  if (demo.generatedPassword !== undefined) lines.push('  their password, which is not shown again:', '', `    ${demo.generatedPassword}`);
  else if (demo.created && demo.users.some((u) => u.created)) lines.push('  their password: the one in $CXRLAB_DEMO_PASSWORD');
  else lines.push('  their password: the one printed (or set in $CXRLAB_DEMO_PASSWORD) at the first start');
  lines.push('  (they log in as the administrator does below, e.g. with "username":"ann1")');
  for (const problem of demo.problems) lines.push(`  warning: ${problem}`);
  return [...lines, ''];
}

function webAppLine(server: RunningServer, request: ServeRequest): string {
  if (!request.web) return 'off (--api-only)';
  return server.webApp ? `${server.url}/ (sign in there)` : 'not built: run `npm run build` (the API works without it)';
}
