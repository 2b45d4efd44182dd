// The export routes' request and response schemas.
import { Type } from 'typebox';
import { IdParam, ProjectKey } from '../http/schemas.js';
import { EXPORT_FORMATS } from './export-format.js';

export const FormatSchema = Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f)));

export const CountsSchema = Type.Object({
  images: Type.Integer(),
  reads: Type.Integer(),
  readers: Type.Integer(),
  boxes: Type.Integer(),
  globalLabels: Type.Integer(),
  skippedUnfinished: Type.Integer(),
  leftOut: Type.Optional(Type.Record(Type.String(), Type.Integer())),
});

export const FileSchema = Type.Object({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() });

export const ManifestSchema = Type.Object({
  project: Type.String(),
  number: Type.Integer(),
  format: Type.String(),
  createdAt: Type.String(),
  counts: CountsSchema,
  files: Type.Array(FileSchema),
});

export const CreatedSchema = Type.Object({ number: Type.Integer(), format: Type.String(), createdAt: Type.String(), counts: CountsSchema, files: Type.Array(FileSchema) });

export const ListSchema = Type.Object({
  exports: Type.Array(Type.Object({ number: Type.Integer(), format: Type.String(), createdAt: Type.String(), createdBy: Type.Union([Type.Integer(), Type.Null()]), counts: CountsSchema })),
});

export const ProjectParams = Type.Object({ key: ProjectKey });
export const ExportParams = Type.Object({ key: ProjectKey, number: IdParam });
export const FileParams = Type.Object({ key: ProjectKey, number: IdParam, '*': Type.String({ minLength: 1, maxLength: 300 }) });
export const CreateBody = Type.Object({ format: FormatSchema }, { additionalProperties: false });
