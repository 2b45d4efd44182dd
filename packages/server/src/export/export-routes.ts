// Export routes (project owners and administrators only): make a numbered snapshot, list them, read
// one's manifest, download one of its files (only a file its manifest lists).
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectAccess, requireManager } from '../access/project-access.js';
import { audit } from '../audit/audit.js';
import { notFound } from '../http/api-error.js';
import type { ExportFormat } from './export-format.js';
import { CreateBody, CreatedSchema, ExportParams, FileParams, ListSchema, ManifestSchema, ProjectParams } from './export-schemas.js';
import { createExportSnapshot } from './export-snapshot.js';
import { listExports, openSnapshot, snapshotFilePath } from './export-store.js';

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
};

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  const { db, dataDir } = app.ctx;
  const managed = async (auth: Parameters<typeof projectAccess>[1], key: string) => {
    const access = await projectAccess(db, auth, key);
    requireManager(access);
    return access;
  };

  app.post('/api/projects/:key/exports', { schema: { tags: ['exports'], params: ProjectParams, body: CreateBody, response: { 201: CreatedSchema } } }, async (request, reply) => {
    const { key } = request.params as { key: string };
    const { format } = request.body as { format: ExportFormat };
    const access = await managed(request.auth, key);
    const snapshot = await createExportSnapshot(db, access.project, format, { dataDir, userId: access.userId, source: 'api' });
    return reply.status(201).send({ number: snapshot.number, format: snapshot.format, createdAt: snapshot.createdAt, counts: snapshot.counts, files: snapshot.files });
  });

  app.get('/api/projects/:key/exports', { schema: { tags: ['exports'], params: ProjectParams, response: { 200: ListSchema } } }, async (request) => {
    const access = await managed(request.auth, (request.params as { key: string }).key);
    return { exports: await listExports(db, access.project.id) };
  });

  app.get('/api/projects/:key/exports/:number', { schema: { tags: ['exports'], params: ExportParams, response: { 200: ManifestSchema } } }, async (request) => {
    const { key, number } = request.params as { key: string; number: number };
    const access = await managed(request.auth, key);
    return (await openSnapshot(db, dataDir, access.project.id, number)).manifest;
  });

  app.get('/api/projects/:key/exports/:number/files/*', { schema: { tags: ['exports'], params: FileParams } }, async (request, reply) => {
    const { key, number, '*': name } = request.params as { key: string; number: number; '*': string };
    const access = await managed(request.auth, key);
    const { folder, manifest } = await openSnapshot(db, dataDir, access.project.id, number);
    const path = snapshotFilePath(folder, manifest, name);
    if (path === undefined) throw notFound(`file ${name} of export ${number}`);
    await audit(db, { userId: access.userId, projectId: access.project.id, action: 'download', entity: 'export', entityId: number, detail: { file: name } });
    const download = basename(name).replace(/[^A-Za-z0-9._-]/g, '_');
    return reply
      .header('content-type', CONTENT_TYPES[extname(name)] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${download}"`)
      .send(createReadStream(path));
  });
}
