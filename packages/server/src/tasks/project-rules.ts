// A project's label schema and verification rules, parsed once per distinct JSON and kept (projects
// rarely change them; the cache is keyed by the JSON itself, so an edit is seen at once).
import { parseRuleSet, type LabelSchema, type Rule } from '@cxrlab/dataset';
import type { Project } from '../db/database.js';

export interface ProjectRules {
  schema: LabelSchema;
  rules: Rule[];
}

const MAX_CACHED = 64;
const cache = new Map<string, ProjectRules>();

export function projectRules(project: Pick<Project, 'schema_json' | 'rules_json'>): ProjectRules {
  const key = `${project.schema_json}\u0000${project.rules_json}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const schema = JSON.parse(project.schema_json) as LabelSchema;
  const entry = { schema, rules: parseRuleSet(JSON.parse(project.rules_json), schema) };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  return entry;
}
