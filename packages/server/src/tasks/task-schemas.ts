// The task routes' request and response schemas (responses also strip anything not named here).
import { Type } from 'typebox';

export const TaskKindSchema = Type.Union([Type.Literal('annotate'), Type.Literal('review')]);
export const TaskStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('skipped'), Type.Literal('reassigned')]);

/** The most global labels and boxes one read may hold. */
export const MAX_GLOBALS = 50;
export const MAX_BOXES = 2000;

const Coordinate = Type.Number({ minimum: -1e7, maximum: 1e7, description: 'image pixels' });
const Label = Type.String({ minLength: 1, maxLength: 200 });
const ReadingMs = Type.Integer({ minimum: 0, maximum: 2147483647, description: 'active reading time reported by the client (ms); the largest is kept, capped at 1 hour' });
const Version = Type.Integer({ minimum: 0, maximum: 2147483647 });

export const TaskSummarySchema = Type.Object({
  id: Type.Integer(),
  kind: TaskKindSchema,
  status: TaskStatusSchema,
  version: Type.Integer(),
  position: Type.Integer(),
  readingMs: Type.Integer(),
});

const BoxView = Type.Object({ id: Type.Optional(Type.Integer()), label: Type.String(), xMin: Type.Number(), yMin: Type.Number(), xMax: Type.Number(), yMax: Type.Number() });

const ProjectView = Type.Object({ key: Type.String(), workflow: Type.String() });
const ImageView = Type.Object({
  id: Type.Integer(),
  imageId: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bitsStored: Type.Integer(),
  photometric: Type.String(),
  windows: Type.Array(Type.Object({ name: Type.String(), center: Type.Number(), width: Type.Number() })),
  keyValues: Type.Record(Type.String(), Type.String()),
});
const AnnotationView = Type.Object({ globals: Type.Array(Type.String()), boxes: Type.Array(BoxView) });

export const TaskViewSchema = Type.Object({ task: TaskSummarySchema, project: ProjectView, image: ImageView, annotation: Type.Optional(AnnotationView) });

/** GET .../tasks/next: a task view, or { task: null } when no task is left. */
export const NextTaskSchema = Type.Object({
  task: Type.Union([TaskSummarySchema, Type.Null()]),
  project: Type.Optional(ProjectView),
  image: Type.Optional(ImageView),
  annotation: Type.Optional(AnnotationView),
});

export const SubmitResponse = Type.Object({ task: TaskSummarySchema, next: Type.Union([TaskViewSchema, Type.Null()]) });
export const SkipResponse = Type.Object({ task: TaskSummarySchema, replaced: Type.Boolean(), next: Type.Union([TaskViewSchema, Type.Null()]) });

export const SaveAnnotationBody = Type.Object(
  {
    version: Version,
    globals: Type.Array(Label, { maxItems: MAX_GLOBALS }),
    boxes: Type.Array(
      Type.Object(
        { id: Type.Optional(Type.Integer({ description: 'ignored: a save replaces all rows' })), label: Label, xMin: Coordinate, yMin: Coordinate, xMax: Coordinate, yMax: Coordinate },
        { additionalProperties: false },
      ),
      { maxItems: MAX_BOXES },
    ),
    readingMs: Type.Optional(ReadingMs),
  },
  { additionalProperties: false },
);

export const SubmitBody = Type.Object({ version: Version, readingMs: Type.Optional(ReadingMs) }, { additionalProperties: false });

export const SkipBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const WorklistQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('skipped')])),
    kind: Type.Optional(TaskKindSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const WorklistSchema = Type.Object({
  tasks: Type.Array(Type.Object({ id: Type.Integer(), kind: TaskKindSchema, status: TaskStatusSchema, position: Type.Integer(), imageId: Type.String(), updatedAt: Type.String() })),
  counts: Type.Object({ pending: Type.Integer(), inProgress: Type.Integer(), submitted: Type.Integer(), skipped: Type.Integer() }),
});
