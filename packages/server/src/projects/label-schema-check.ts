// A project's label schema given as JSON (an HTTP body): the shape is checked by the route's schema
// (LabelSchemaBody); this checks what a JSON schema cannot: names unique (aliases included), noFinding
// a global label, class ids naming labels, each once. Problems are 400s naming the field.
import type { LabelSchema } from '@cxrlab/dataset';
import { Type } from 'typebox';
import { badRequest } from '../http/api-error.js';

const LabelName = Type.String({ minLength: 1, maxLength: 100 });

export const LabelSchemaBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    labels: Type.Array(
      Type.Object(
        {
          name: LabelName,
          kind: Type.Union([Type.Literal('local'), Type.Literal('global')]),
          definition: Type.String({ maxLength: 2000 }),
          aliases: Type.Optional(Type.Array(LabelName, { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    noFinding: Type.Optional(LabelName),
    classIds: Type.Array(LabelName, { maxItems: 500 }),
  },
  { additionalProperties: false },
);

/** `schema` (already of LabelSchemaBody's shape) checked for consistency; `field` is where it sits in the request. */
export function checkLabelSchema(schema: LabelSchema, field = 'body.schema'): LabelSchema {
  const names = new Map<string, string>();
  schema.labels.forEach((label, i) => {
    for (const [k, name] of [label.name, ...(label.aliases ?? [])].entries()) {
      const where = k === 0 ? `${field}.labels[${i}].name` : `${field}.labels[${i}].aliases[${k - 1}]`;
      const earlier = names.get(name);
      if (earlier !== undefined) throw badRequest(`${where}: ${JSON.stringify(name)} is already used by ${earlier}`, where);
      names.set(name, `${field}.labels[${i}]`);
    }
  });
  if (schema.noFinding !== undefined) {
    const label = schema.labels.find((l) => l.name === schema.noFinding);
    if (label === undefined) throw badRequest(`${field}.noFinding: ${JSON.stringify(schema.noFinding)} is not one of the schema's labels`, `${field}.noFinding`);
    if (label.kind !== 'global') throw badRequest(`${field}.noFinding: ${JSON.stringify(schema.noFinding)} must be a global label`, `${field}.noFinding`);
  }
  const seen = new Map<string, number>();
  schema.classIds.forEach((name, i) => {
    const where = `${field}.classIds[${i}]`;
    if (!schema.labels.some((l) => l.name === name)) throw badRequest(`${where}: ${JSON.stringify(name)} is not one of the schema's labels`, where);
    const earlier = seen.get(name);
    if (earlier !== undefined) throw badRequest(`${where}: ${JSON.stringify(name)} already has class id ${earlier}`, where);
    seen.set(name, i);
  });
  return schema;
}
