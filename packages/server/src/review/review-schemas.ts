// The review routes' request and response schemas.
import { Type } from 'typebox';

const Label = Type.String({ minLength: 1, maxLength: 100 });
const Coordinate = Type.Number({ minimum: -1e6, maximum: 1e6 });
const Version = Type.Integer({ minimum: 0, maximum: 2147483647 });

export const BoxBody = Type.Object({ label: Label, xMin: Coordinate, yMin: Coordinate, xMax: Coordinate, yMax: Coordinate }, { additionalProperties: false });

export const ConsensusBody = Type.Object(
  { version: Version, globals: Type.Array(Label, { maxItems: 64, uniqueItems: true }), boxes: Type.Array(BoxBody, { maxItems: 1000 }) },
  { additionalProperties: false },
);

export const ApproveBody = Type.Object({ version: Version }, { additionalProperties: false });

export const CopyBody = Type.Object(
  {
    version: Version,
    from: Type.String({ minLength: 1, maxLength: 32, description: "the reader's pseudonym, e.g. R2" }),
    boxIndex: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: 'copy only this box of the read (0-based); all its boxes when left out' })),
    globals: Type.Optional(Type.Boolean({ description: "also copy the read's global labels" })),
  },
  { additionalProperties: false },
);

const Box = Type.Object({ label: Type.String(), xMin: Type.Number(), yMin: Type.Number(), xMax: Type.Number(), yMax: Type.Number() });
const StoredBox = Type.Object({ id: Type.Integer(), label: Type.String(), xMin: Type.Number(), yMin: Type.Number(), xMax: Type.Number(), yMax: Type.Number() });

export const ReviewViewSchema = Type.Object({
  task: Type.Object({ id: Type.Integer(), status: Type.String(), version: Type.Integer() }),
  image: Type.Object({
    id: Type.Integer(),
    imageId: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    windows: Type.Array(Type.Object({ name: Type.String(), center: Type.Number(), width: Type.Number() })),
  }),
  reads: Type.Array(Type.Object({ reader: Type.String(), globals: Type.Array(Type.String()), boxes: Type.Array(Box) })),
  votes: Type.Record(Type.String(), Type.Integer()),
  consensus: Type.Object({ version: Type.Integer(), status: Type.String(), globals: Type.Array(Type.String()), boxes: Type.Array(StoredBox) }),
  approvals: Type.Array(Type.Object({ reviewer: Type.String(), version: Type.Integer(), current: Type.Boolean(), mine: Type.Boolean() })),
  reviewers: Type.Integer(),
});

export const EditResultSchema = Type.Object({ version: Type.Integer(), withdrawn: Type.Integer() });
export const CopyResultSchema = Type.Object({
  version: Type.Integer(),
  withdrawn: Type.Integer(),
  copied: Type.Object({ boxes: Type.Integer(), globals: Type.Integer() }),
});
export const ApproveResultSchema = Type.Object({ approved: Type.Boolean(), final: Type.Boolean() });
export const WithdrawResultSchema = Type.Object({ withdrawn: Type.Boolean() });
