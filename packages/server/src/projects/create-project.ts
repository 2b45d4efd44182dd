// Creating a project: its reading set-up, label schema (VinDr-CXR by default) and rules (the VinDr-CXR
// checks by default), a recorded random assignment seed, and its creator as the first owner.
import { randomInt } from 'node:crypto';
import { defaultRules, parseRuleSet, RuleSetError, VINDR_CXR_SCHEMA, type LabelSchema } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Project, Workflow } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { badRequest, conflict } from '../http/api-error.js';
import { checkLabelSchema } from './label-schema-check.js';
import { setRoles } from './memberships.js';
import { checkRules } from './project-rules.js';
import { readingSetup, type ProjectTemplate } from './project-settings.js';

export interface NewProject {
  key: string;
  name: string;
  template?: ProjectTemplate;
  workflow?: Workflow;
  readersPerImage?: number;
  reviewersPerImage?: number;
  schema?: LabelSchema;
  rules?: unknown;
}

/** The VinDr-CXR rules for a custom schema, which must fit it (e.g. "at least one global label" needs one). */
function defaultRulesFor(schema: LabelSchema) {
  try {
    return parseRuleSet(defaultRules(schema), schema);
  } catch (error) {
    if (error instanceof RuleSetError) throw badRequest(`body.schema: the default rules do not fit this schema (${error.message}); give rules that do`, 'body.schema');
    throw error;
  }
}

/** Creates the project and makes `creatorId` its owner, in one transaction. 409 when the key is taken. */
export async function createProject(db: Kysely<Database>, input: NewProject, creatorId: number): Promise<Project> {
  const setup = readingSetup(input);
  const schema = input.schema === undefined ? VINDR_CXR_SCHEMA : checkLabelSchema(input.schema);
  const rules = input.rules === undefined ? defaultRulesFor(schema) : checkRules(input.rules, schema);
  const taken = await db.selectFrom('projects').select('id').where('key', '=', input.key).executeTakeFirst();
  if (taken !== undefined) throw conflict(`a project with key ${input.key} exists`);
  try {
    return await db.transaction().execute(async (tx) => {
      const project = await tx
        .insertInto('projects')
        .values({
          key: input.key,
          name: input.name,
          workflow: setup.workflow,
          readers_per_image: setup.readersPerImage,
          reviewers_per_image: setup.reviewersPerImage,
          schema_json: JSON.stringify(schema),
          rules_json: JSON.stringify(rules),
          // 31 bits: fits a signed 32-bit integer column in both databases
          assignment_seed: randomInt(0, 2 ** 31),
          created_at: now(),
          created_by: creatorId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await setRoles(tx, project.id, creatorId, ['owner']);
      await audit(tx, {
        userId: creatorId,
        projectId: project.id,
        action: 'create',
        entity: 'project',
        entityId: project.id,
        detail: { key: project.key, name: project.name, ...setup, template: input.template ?? null, schema: schema.name, rules: rules.length },
      });
      return project;
    });
  } catch (error) {
    // a concurrent create with the same key lost the race on the unique constraint
    if (await db.selectFrom('projects').select('id').where('key', '=', input.key).executeTakeFirst()) throw conflict(`a project with key ${input.key} exists`);
    throw error;
  }
}
