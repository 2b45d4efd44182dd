// One uploaded DICOM file: written durably under the project's image folder, then registered by the
// same import code as `cxrlab import`, and moved to <data>/images/<project>/<image id>.dicom. Whatever
// is not registered (identified, colour, not DICOM, a conflicting id) is deleted again.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomicSync } from '@cxrlab/dicom';
import type { Kysely } from 'kysely';
import type { Database, Project, Split } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { importImages } from './import-images.js';
import { removeQuietly } from './place-file.js';

export interface UploadResult {
  imageId: string;
  id: number;
  status: 'added' | 'unchanged';
}

/** The folder a project's uploaded (and `--copy` imported) images live in. */
export const projectImageDir = (dataDir: string, projectKey: string): string => join(dataDir, 'images', projectKey);

export async function uploadImage(
  db: Kysely<Database>,
  args: { dataDir: string; project: Project; bytes: Uint8Array; split: Split; allowIdentified: boolean; name?: string; actorId: number },
): Promise<UploadResult> {
  const dir = projectImageDir(args.dataDir, args.project.key);
  // hidden: never mistaken for an image by a directory walk; its name gives no image id
  const temp = join(dir, `.upload-${randomUUID()}.dicom`);
  writeFileAtomicSync(temp, args.bytes, { mkdir: true });
  try {
    const result = await importImages(db, {
      project: args.project,
      paths: [{ path: temp, ...(args.name !== undefined ? { name: args.name } : {}) }],
      split: args.split,
      allowIdentified: args.allowIdentified,
      copyInto: dir,
      move: true,
      actorId: args.actorId,
      source: `upload${args.name !== undefined ? ` ${args.name}` : ''}`,
    });
    const image = result.images[0];
    if (image !== undefined) return { imageId: image.imageId, id: image.id, status: image.status };
    const refusal = result.refused[0];
    if (refusal?.code === 'identified') {
      throw new ApiError(422, 'ERR_IDENTIFIED', `the file still identifies the patient (${refusal.attributes?.join(', ')}); de-identify it first (cxrlab deid) or upload with ?allowIdentified=true`, undefined, { attributes: refusal.attributes });
    }
    if (refusal?.code === 'conflict') throw new ApiError(409, 'ERR_CONFLICT', refusal.reason.replace(/ from .*, whose/, ', whose'));
    if (refusal !== undefined) throw new ApiError(422, 'ERR_BAD_DICOM', `the file ${refusal.reason}`);
    const failure = result.failed[0];
    throw new ApiError(400, 'ERR_BAD_DICOM', `the body is not a readable DICOM image: ${failure?.reason ?? 'unknown reason'}`);
  } finally {
    removeQuietly(temp);
  }
}
