// What the reading view needs from a project's schema and rules: the local and global labels in schema
// order, descriptions, the exclusive global labels ("No finding") and the parsed rule set. Pure.
import { defaultRules, parseRuleSet, type Rule } from '@cxrlab/dataset/rules';
import type { ProjectDetail } from '@cxrlab/server/api-types';

export type SchemaOf = ProjectDetail['schema'];
export type LabelDef = SchemaOf['labels'][number];

export interface ProjectLabels {
  schema: SchemaOf;
  local: LabelDef[];
  global: LabelDef[];
  localNames: string[];
  /** Global labels that exclude the other global labels when chosen (toggleGlobal's `exclusive`). */
  exclusive: string[];
  /** The schema's "No finding", if any. */
  noFinding: string | undefined;
  rules: Rule[];
  /** label name -> its definition (description). */
  definition(name: string): string;
}

/** The project's rules as checkRead takes them (the server sends them parsed; a bad set falls back to the defaults). */
export function rulesOf(project: Pick<ProjectDetail, 'schema' | 'rules'>): Rule[] {
  try {
    return parseRuleSet(project.rules, project.schema);
  } catch {
    return defaultRules(project.schema);
  }
}

export function projectLabels(project: Pick<ProjectDetail, 'schema' | 'rules'>): ProjectLabels {
  const schema = project.schema;
  const rules = rulesOf(project);
  const local = schema.labels.filter((l) => l.kind === 'local');
  const global = schema.labels.filter((l) => l.kind === 'global');
  const exclusive = new Set<string>();
  for (const r of rules) if (r.kind === 'exclusiveLabel' && r.excludesGlobals && r.label !== undefined) exclusive.add(r.label);
  const defs = new Map(schema.labels.map((l) => [l.name, l.definition]));
  return {
    schema,
    local,
    global,
    localNames: local.map((l) => l.name),
    exclusive: [...exclusive],
    noFinding: schema.noFinding,
    rules,
    definition: (name) => defs.get(name) ?? '',
  };
}
