// Schema validation: bodies are strict (no type coercion, no unknown properties quietly dropped: a wrong
// type is a 400 naming the field); path and query strings are coerced to the schema's numbers.
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv({ coerceTypes: false, removeAdditional: false });
  const coercing = makeAjv({ coerceTypes: 'array', removeAdditional: false });
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `body.boxes[2].xMin` from ajv's `/boxes/2/xMin` (plus the missing or extra property). */
export function fieldOf(part: string | undefined, issue: AjvIssue): string {
  let path = issue.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('');
  const extra = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
  if (typeof extra === 'string') path += `.${extra}`;
  return `${part ?? 'body'}${path}`;
}

/** A sentence for a validation failure: the field and what is wrong with it. */
export function validationMessage(field: string, issue: AjvIssue): string {
  if (issue.keyword === 'required') return `${field} is required`;
  if (issue.keyword === 'additionalProperties') return `${field} is not an allowed property`;
  return `${field} ${issue.message ?? 'is invalid'}`;
}
