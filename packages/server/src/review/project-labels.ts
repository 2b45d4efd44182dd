// A project's label schema and rule set, as stored in its row (JSON).
import { parseRuleSet, type LabelSchema, type Rule } from '@cxrlab/dataset';
import type { Project } from '../db/database.js';

export const projectSchema = (project: Pick<Project, 'schema_json'>): LabelSchema => JSON.parse(project.schema_json) as LabelSchema;

export const projectRules = (project: Pick<Project, 'rules_json'>, schema: LabelSchema): Rule[] => parseRuleSet(JSON.parse(project.rules_json), schema);
