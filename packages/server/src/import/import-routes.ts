// A project's images over HTTP, for its managers: upload one DICOM file (the body, application/dicom,
// up to the upload limit), list the images, list the import runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager, type ProjectAccess } from '../access/project-access.js';
import type { Split } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { ProjectKey } from '../http/schemas.js';
import { uploadImage } from './upload-image.js';

const KeyParams = Type.Object({ key: ProjectKey });
const SplitSchema = Type.Union([Type.Literal('train'), Type.Literal('test')]);
export const DICOM_MEDIA_TYPE = 'application/dicom';

const UploadQuery = Type.Object(
  {
    split: Type.Optional(SplitSchema),
    allowIdentified: Type.Optional(Type.Boolean()),
    /** The file's original name: a 32-hex-digit stem (e.g. <image id>.dicom) is used as the image id. */
    filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);

const UploadReply = Type.Object({ imageId: Type.String(), id: Type.Integer(), status: Type.Union([Type.Literal('added'), Type.Literal('unchanged')]) });

const ImageListQuery = Type.Object(
  { split: Type.Optional(SplitSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) },
  { additionalProperties: false },
);

const ImageRow = Type.Object({
  id: Type.Integer(),
  imageId: Type.String(),
  split: SplitSchema,
  width: Type.Integer(),
  height: Type.Integer(),
  bitsStored: Type.Integer(),
  photometric: Type.String(),
  fileSize: Type.Integer(),
  createdAt: Type.String(),
});

const ImportRunRow = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  added: Type.Integer(),
  unchanged: Type.Integer(),
  refused: Type.Integer(),
  failed: Type.Integer(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
});

/** The upload's access, checked before its body is read and reused by its handler. */
const checked = new WeakMap<FastifyRequest, ProjectAccess>();

async function managerAccess(app: FastifyInstance, request: FastifyRequest): Promise<ProjectAccess> {
  const known = checked.get(request);
  if (known !== undefined) return known;
  const access = await projectAccess(app.ctx.db, request.auth, (request.params as { key: string }).key);
  requireManager(access);
  checked.set(request, access);
  return access;
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const { db, settings, dataDir } = app.ctx;
  // this plugin's routes only (Fastify encapsulation): the raw DICOM body as a Buffer
  app.addContentTypeParser(DICOM_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: settings.uploadLimit }, (_request, body, done) => done(null, body));

  app.post(
    '/api/projects/:key/images',
    {
      bodyLimit: settings.uploadLimit,
      schema: {
        tags: ['images'],
        params: KeyParams,
        querystring: UploadQuery,
        consumes: [DICOM_MEDIA_TYPE],
        response: { 200: UploadReply, 201: UploadReply },
      },
      // Who may upload and what, before a byte of the body is read.
      preParsing: async (request) => {
        await managerAccess(app, request);
        const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== DICOM_MEDIA_TYPE) throw new ApiError(415, 'ERR_UNSUPPORTED_MEDIA_TYPE', `send the DICOM file as the body with Content-Type: ${DICOM_MEDIA_TYPE}`);
      },
    },
    async (request, reply) => {
      const access = await managerAccess(app, request);
      const query = request.query as { split?: Split; allowIdentified?: boolean; filename?: string };
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new ApiError(400, 'ERR_BAD_DICOM', 'the body is empty: send the DICOM file');
      const uploaded = await uploadImage(db, {
        dataDir,
        project: access.project,
        bytes: body,
        split: query.split ?? 'train',
        allowIdentified: query.allowIdentified ?? false,
        ...(query.filename !== undefined ? { name: query.filename } : {}),
        actorId: access.userId,
      });
      return reply.status(uploaded.status === 'added' ? 201 : 200).send(uploaded);
    },
  );

  app.get(
    '/api/projects/:key/images',
    { schema: { tags: ['images'], params: KeyParams, querystring: ImageListQuery, response: { 200: Type.Object({ images: Type.Array(ImageRow), total: Type.Integer() }) } } },
    async (request) => {
      const access = await managerAccess(app, request);
      const query = request.query as { split?: Split; limit: number; offset: number };
      let base = db.selectFrom('images').where('project_id', '=', access.project.id);
      if (query.split !== undefined) base = base.where('split', '=', query.split);
      const rows = await base.selectAll().orderBy('id').limit(query.limit).offset(query.offset).execute();
      const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        total: Number(count.n),
        images: rows.map((r) => ({ id: r.id, imageId: r.image_id, split: r.split, width: r.width, height: r.height, bitsStored: r.bits_stored, photometric: r.photometric, fileSize: Number(r.file_size), createdAt: r.created_at })),
      };
    },
  );

  app.get(
    '/api/projects/:key/imports',
    { schema: { tags: ['images'], params: KeyParams, response: { 200: Type.Object({ imports: Type.Array(ImportRunRow) }) } } },
    async (request) => {
      const access = await managerAccess(app, request);
      const rows = await db.selectFrom('import_runs').selectAll().where('project_id', '=', access.project.id).orderBy('id', 'desc').execute();
      return {
        imports: rows.map((r) => ({ id: r.id, source: r.source, startedAt: r.started_at, finishedAt: r.finished_at, added: r.added, unchanged: r.unchanged, refused: r.refused, failed: r.failed, userId: r.user_id })),
      };
    },
  );
}
