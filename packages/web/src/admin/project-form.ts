// The "New project" form as data, and the POST /api/projects body it makes: a VinDr-CXR template
// (train: independent, 3 readers; test: consensus, 3 readers + 2 reviewers) or a custom workflow,
// and optionally a custom label schema as JSON. Problems found before sending name the body field
// the server would name, so the form shows them in the same place.
import type { Workflow } from '@cxrlab/server/api-types';

export type TemplateChoice = 'vindr-train' | 'vindr-test' | 'custom';

export interface ProjectFormState {
  key: string;
  name: string;
  template: TemplateChoice;
  /** custom only */
  workflow: Workflow;
  readersPerImage: string;
  reviewersPerImage: string;
  /** Empty: the VinDr-CXR schema (22 local + 6 global labels). */
  schemaJson: string;
}

export interface NewProjectBody {
  key: string;
  name: string;
  template?: 'vindr-train' | 'vindr-test';
  workflow?: Workflow;
  readersPerImage?: number;
  reviewersPerImage?: number;
  schema?: unknown;
}

export type BuildResult = { ok: true; body: NewProjectBody } | { ok: false; field: string; message: string };

/** Mirrors the server's templates (packages/server/src/projects/project-settings.ts), for the form's text. */
export const TEMPLATES = {
  'vindr-train': { label: 'VinDr-CXR train', workflow: 'independent', readersPerImage: 3, reviewersPerImage: 0, text: 'independent: every image read blind by 3 radiologists' },
  'vindr-test': { label: 'VinDr-CXR test', workflow: 'consensus', readersPerImage: 3, reviewersPerImage: 2, text: 'consensus: 3 blind reads, then 2 reviewers settle the final labels' },
} as const;

export const MAX_READERS = 10;
export const MAX_REVIEWERS = 5;
const KEY = /^[A-Z][A-Z0-9_-]{0,31}$/;

export const emptyProjectForm = (): ProjectFormState => ({ key: '', name: '', template: 'vindr-train', workflow: 'independent', readersPerImage: '3', reviewersPerImage: '0', schemaJson: '' });

/** A project key as typed: upper-cased, spaces to dashes. */
export const normaliseKey = (typed: string): string => typed.toUpperCase().replace(/\s+/g, '-');

const integer = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

/** Where JSON.parse failed, as "line 3, column 7" when the engine says the position. */
export function jsonErrorText(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (at === null) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

export function buildProjectBody(form: ProjectFormState): BuildResult {
  const key = form.key.trim();
  if (!KEY.test(key)) return { ok: false, field: 'body.key', message: 'The key is 1 to 32 upper-case letters, digits, - or _, starting with a letter (e.g. VINDR-TRAIN).' };
  const name = form.name.trim();
  if (name === '') return { ok: false, field: 'body.name', message: 'Give the project a name.' };
  const body: NewProjectBody = { key, name };
  if (form.template === 'custom') {
    const readers = integer(form.readersPerImage);
    if (readers === undefined || readers < 1 || readers > MAX_READERS) return { ok: false, field: 'body.readersPerImage', message: `Readers per image: a whole number from 1 to ${MAX_READERS}.` };
    body.workflow = form.workflow;
    body.readersPerImage = readers;
    if (form.workflow === 'consensus') {
      const reviewers = integer(form.reviewersPerImage);
      if (reviewers === undefined || reviewers < 1 || reviewers > MAX_REVIEWERS) {
        return { ok: false, field: 'body.reviewersPerImage', message: `Reviewers per image: a consensus project needs 1 to ${MAX_REVIEWERS}.` };
      }
      body.reviewersPerImage = reviewers;
    } else body.reviewersPerImage = 0;
  } else body.template = form.template;
  if (form.schemaJson.trim() !== '') {
    let schema: unknown;
    try {
      schema = JSON.parse(form.schemaJson);
    } catch (error) {
      return { ok: false, field: 'body.schema', message: `The label schema is not valid JSON: ${jsonErrorText(form.schemaJson, error)}` };
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { ok: false, field: 'body.schema', message: 'The label schema must be a JSON object: {"name", "labels", "classIds", "noFinding"}.' };
    body.schema = schema;
  }
  return { ok: true, body };
}

/** A small schema to start a custom one from. */
export const EXAMPLE_SCHEMA = {
  name: 'my-schema',
  labels: [
    { name: 'Nodule/Mass', kind: 'local', definition: 'A round opacity' },
    { name: 'Pleural effusion', kind: 'local', definition: 'Fluid in the pleural space' },
    { name: 'Pneumonia', kind: 'global', definition: 'Infection of the lung' },
    { name: 'No finding', kind: 'global', definition: 'Nothing abnormal' },
  ],
  noFinding: 'No finding',
  classIds: ['Nodule/Mass', 'Pleural effusion'],
};
