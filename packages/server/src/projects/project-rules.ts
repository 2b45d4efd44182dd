// A project's verification rules: parsed with @cxrlab/dataset's parseRuleSet against the project's
// schema (a bad rule set is a 400 naming the rule and property), stored as the parsed, normalised JSON.
import { parseRuleSet, RuleSetError, type LabelSchema, type Rule } from '@cxrlab/dataset';
import type { Project } from '../db/database.js';
import { badRequest } from '../http/api-error.js';

/** The rule set `json` checked against `schema`; `field` is where the array sits in the request (e.g. `body.rules`). */
export function checkRules(json: unknown, schema: LabelSchema, field = 'body.rules'): Rule[] {
  try {
    return parseRuleSet(json, schema);
  } catch (error) {
    if (error instanceof RuleSetError) {
      const where = field + error.path.slice('rules'.length);
      throw badRequest(`${where}: ${error.reason}`, where);
    }
    throw error;
  }
}

export const projectSchema = (project: Project): LabelSchema => JSON.parse(project.schema_json) as LabelSchema;
export const projectRules = (project: Project): Rule[] => JSON.parse(project.rules_json) as Rule[];
