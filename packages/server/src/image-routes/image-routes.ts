// An image for the viewer: its header (size, depth, window presets, key values; never its path), its
// full-depth pixels (a deflate-encoded pixel blob) and a PNG thumbnail, both with a strong ETag and a
// day's private caching. Who may see it: access/image-access.ts; anyone else gets 404.
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { canSeeImage } from '../access/image-access.js';
import type { Image } from '../db/database.js';
import { ApiError, notFound } from '../http/api-error.js';
import { IdParam } from '../http/schemas.js';
import { imageView } from './header-view.js';
import { ImageCache, ImageError, type CachedImage } from '../images/index.js';

/** The media type of the pixel blob (images/pixel-blob-format.ts describes its layout). */
export const PIXELS_MEDIA_TYPE = 'application/vnd.cxrlab.pixels';
export const IMAGE_CACHE_CONTROL = 'private, max-age=86400';

const IdParams = Type.Object({ id: IdParam });
const WindowSchema = Type.Object({ name: Type.String(), center: Type.Number(), width: Type.Number() });
const ImageMetaSchema = Type.Object({
  id: Type.Integer(),
  imageId: Type.String(),
  split: Type.Union([Type.Literal('train'), Type.Literal('test')]),
  width: Type.Integer(),
  height: Type.Integer(),
  bitsStored: Type.Integer(),
  photometric: Type.String(),
  windows: Type.Array(WindowSchema),
  keyValues: Type.Record(Type.String(), Type.String()),
});

export async function imageRoutes(app: FastifyInstance): Promise<void> {
  const { db, dataDir } = app.ctx;
  // Renders run in worker threads; they end with the app.
  const cache = new ImageCache(join(dataDir, 'cache'));
  app.addHook('onClose', () => cache.close());

  /** The image the caller may see, else 404 (whether it exists or not). */
  const visibleImage = async (request: FastifyRequest): Promise<Image> => {
    const { id } = request.params as { id: number };
    const image = await db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    if (image === undefined || !(await canSeeImage(db, request.auth, image))) throw notFound(`image ${id}`);
    return image;
  };

  const send = (reply: FastifyReply, result: CachedImage, type: string): FastifyReply => {
    void reply.header('etag', result.etag).header('cache-control', IMAGE_CACHE_CONTROL).header('vary', 'cookie, authorization');
    if (result.notModified) return reply.status(304).send();
    if (result.contentEncoding !== undefined) void reply.header('content-encoding', result.contentEncoding);
    return reply.type(type).send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
  };

  const rendered = async (work: () => Promise<CachedImage>): Promise<CachedImage> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ImageError) {
        if (error.code === 'ERR_IMAGE_NOT_FOUND') throw new ApiError(404, 'ERR_NOT_FOUND', 'the image file is missing from the server');
        if (error.code === 'ERR_IMAGE_BUSY') throw new ApiError(503, 'ERR_BUSY', 'the server is busy rendering images; try again shortly', undefined, { retryAfterSeconds: 1 });
        throw new ApiError(422, 'ERR_BAD_DICOM', `the image cannot be shown: ${error.reason}`);
      }
      throw error;
    }
  };

  app.get('/api/images/:id', { schema: { tags: ['images'], params: IdParams, response: { 200: ImageMetaSchema } } }, async (request) => {
    const image = await visibleImage(request);
    return { ...imageView(image), split: image.split };
  });

  app.get('/api/images/:id/pixels', { schema: { tags: ['images'], params: IdParams } }, async (request, reply) => {
    const image = await visibleImage(request);
    const result = await rendered(() => cache.pixels(image.path, request.headers['if-none-match']));
    return send(reply, result, PIXELS_MEDIA_TYPE);
  });

  app.get('/api/images/:id/thumbnail', { schema: { tags: ['images'], params: IdParams } }, async (request, reply) => {
    const image = await visibleImage(request);
    const result = await rendered(() => cache.thumbnail(image.path, request.headers['if-none-match']));
    return send(reply, result, 'image/png');
  });
}
