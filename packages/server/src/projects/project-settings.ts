// The reading set-up of a project: its workflow, readers per image (N) and reviewers per image (M),
// from a template (the VinDr-CXR train and test splits) and/or explicit values, checked together.
import type { Workflow } from '../db/database.js';
import { badRequest } from '../http/api-error.js';

export type ProjectTemplate = 'vindr-train' | 'vindr-test';

export interface ReadingSetup {
  workflow: Workflow;
  readersPerImage: number;
  reviewersPerImage: number;
}

/** VinDr-CXR: every training image read independently by 3; every test image by 3, then settled by 2 reviewers. */
export const TEMPLATES: Record<ProjectTemplate, ReadingSetup> = {
  'vindr-train': { workflow: 'independent', readersPerImage: 3, reviewersPerImage: 0 },
  'vindr-test': { workflow: 'consensus', readersPerImage: 3, reviewersPerImage: 2 },
};

export const MAX_READERS = 10;
export const MAX_REVIEWERS = 5;

/** The setup a create request asks for: template defaults, then the explicit values; checked. */
export function readingSetup(request: { template?: ProjectTemplate; workflow?: Workflow; readersPerImage?: number; reviewersPerImage?: number }): ReadingSetup {
  const base = request.template !== undefined ? TEMPLATES[request.template] : request.workflow === 'consensus' ? TEMPLATES['vindr-test'] : TEMPLATES['vindr-train'];
  const workflow = request.workflow ?? base.workflow;
  const defaultReviewers = workflow === base.workflow ? base.reviewersPerImage : workflow === 'consensus' ? 2 : 0;
  return checkSetup({ workflow, readersPerImage: request.readersPerImage ?? base.readersPerImage, reviewersPerImage: request.reviewersPerImage ?? defaultReviewers });
}

/** Throws a 400 naming the field when the setup is inconsistent. */
export function checkSetup(setup: ReadingSetup): ReadingSetup {
  if (!Number.isInteger(setup.readersPerImage) || setup.readersPerImage < 1 || setup.readersPerImage > MAX_READERS) {
    throw badRequest(`body.readersPerImage must be from 1 to ${MAX_READERS}`, 'body.readersPerImage');
  }
  if (!Number.isInteger(setup.reviewersPerImage) || setup.reviewersPerImage < 0 || setup.reviewersPerImage > MAX_REVIEWERS) {
    throw badRequest(`body.reviewersPerImage must be from 0 to ${MAX_REVIEWERS}`, 'body.reviewersPerImage');
  }
  if (setup.workflow === 'consensus' && setup.reviewersPerImage < 1) {
    throw badRequest('a consensus project needs at least one reviewer per image (body.reviewersPerImage >= 1)', 'body.reviewersPerImage');
  }
  if (setup.workflow === 'independent' && setup.reviewersPerImage !== 0) {
    throw badRequest('an independent project has no review step: body.reviewersPerImage must be 0', 'body.reviewersPerImage');
  }
  return setup;
}
