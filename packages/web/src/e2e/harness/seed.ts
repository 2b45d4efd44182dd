// Seeding a study through the HTTP API, as an administrator would: users, a project from a template,
// members, uploaded de-identified images, the assignment; then reads made through the API.
import assert from 'node:assert/strict';
import type { ApiClient } from '@cxrlab/server/testing';
import type { WebServer } from './web-server.js';
import { syntheticChestDicom, type SyntheticImageOptions } from './synthetic-dicom.js';

export const USER_PASSWORD = 'e2e-user-password';

export interface SeededUser {
  username: string;
  password: string;
  id: number;
  /** Signed in through the API (for seeding reads and checking data). */
  api: ApiClient;
}

export interface ProjectSpec {
  key: string;
  name?: string;
  template?: 'vindr-train' | 'vindr-test';
  workflow?: 'independent' | 'consensus';
  readersPerImage?: number;
  reviewersPerImage?: number;
  rules?: unknown[];
}

export interface Box {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Read {
  globals: string[];
  boxes: Box[];
  /** Reading time to report with the save (ms). */
  readingMs?: number;
}

/** Fails with the response when the status is not the expected one; returns the body. */
export function expectStatus<T>(response: { status: number; body: T }, status: number | number[], what: string): T {
  const ok = Array.isArray(status) ? status.includes(response.status) : response.status === status;
  assert.ok(ok, `${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export type NewUser = string | { username: string; displayName?: string };

/** Creates the users (password USER_PASSWORD, display name "<username> Display" unless given) and signs them in. */
export async function createUsers(web: WebServer, users: readonly NewUser[]): Promise<SeededUser[]> {
  const out: SeededUser[] = [];
  for (const user of users) {
    const { username, displayName = `${typeof user === 'string' ? user : user.username} Display` } = typeof user === 'string' ? { username: user } : user;
    const created = expectStatus(await web.admin.post<{ id: number }>('/api/users', { username, displayName, password: USER_PASSWORD }), 201, `create user ${username}`);
    out.push({ username, password: USER_PASSWORD, id: created.id, api: await web.login(username, USER_PASSWORD) });
  }
  return out;
}

export async function createProject(web: WebServer, spec: ProjectSpec): Promise<void> {
  const { key, name = `${key} (e2e)`, ...rest } = spec;
  expectStatus(await web.admin.post('/api/projects', { key, name, ...rest }), 201, `create project ${key}`);
}

export async function addMembers(web: WebServer, key: string, users: readonly SeededUser[], role: 'annotator' | 'reviewer' | 'owner'): Promise<void> {
  for (const user of users) expectStatus(await web.admin.put(`/api/projects/${key}/members/${user.id}`, { roles: [role] }), 200, `add ${user.username} to ${key}`);
}

export interface UploadedImage {
  /** The image row id (/api/images/:id). */
  id: number;
  imageId: string;
  rows: number;
  columns: number;
}

/** Uploads `count` synthetic chest radiographs (indexes first, first + 1, ...) into the project. */
export async function uploadImages(web: WebServer, key: string, split: 'train' | 'test', count: number, image: SyntheticImageOptions & { first?: number } = {}): Promise<UploadedImage[]> {
  const out: UploadedImage[] = [];
  for (let i = 0; i < count; i++) {
    const synth = await syntheticChestDicom({ ...image, index: (image.first ?? 0) + i });
    const body = expectStatus(
      await web.admin.post<{ id: number; imageId: string }>(`/api/projects/${key}/images?split=${split}&filename=${synth.imageId}.dcm`, synth.bytes, { 'content-type': 'application/dicom' }),
      201,
      `upload image ${i} into ${key}`,
    );
    out.push({ id: body.id, imageId: body.imageId, rows: synth.rows, columns: synth.columns });
  }
  return out;
}

export async function assign(web: WebServer, key: string): Promise<number> {
  return expectStatus(await web.admin.post<{ created: number }>(`/api/projects/${key}/assignments`, {}), 200, `assign ${key}`).created;
}

export interface Study {
  key: string;
  annotators: SeededUser[];
  reviewers: SeededUser[];
  images: UploadedImage[];
}

export interface StudySpec extends ProjectSpec {
  annotators: readonly NewUser[];
  reviewers?: readonly NewUser[];
  images: number;
  split?: 'train' | 'test';
  image?: SyntheticImageOptions & { first?: number };
}

/** Users, project, members, images and the assignment, in one call. */
export async function seedStudy(web: WebServer, spec: StudySpec): Promise<Study> {
  const { annotators: annotatorNames, reviewers: reviewerNames = [], images: count, split, image, ...project } = spec;
  const annotators = await createUsers(web, annotatorNames);
  const reviewers = await createUsers(web, reviewerNames);
  await createProject(web, project);
  await addMembers(web, spec.key, annotators, 'annotator');
  await addMembers(web, spec.key, reviewers, 'reviewer');
  const images = await uploadImages(web, spec.key, split ?? (spec.template === 'vindr-test' || spec.workflow === 'consensus' ? 'test' : 'train'), count, image);
  await assign(web, spec.key);
  return { key: spec.key, annotators, reviewers, images };
}

export interface TaskSummary {
  id: number;
  kind: string;
  status: string;
  version: number;
}

export interface WorklistTask {
  task: TaskSummary;
  image: { id: number; imageId: string; width: number; height: number };
  annotation?: Read;
}

/** The user's next task in the project (GET .../tasks/next), or null. */
export async function nextTask(user: SeededUser, key: string, kind: 'annotate' | 'review' = 'annotate'): Promise<WorklistTask | null> {
  const body = expectStatus(await user.api.get<WorklistTask | { task: null }>(`/api/projects/${key}/tasks/next?kind=${kind}`), 200, `next ${kind} task of ${user.username}`);
  return body.task === null ? null : (body as WorklistTask);
}

/** Saves a read as the task's draft (PUT /api/tasks/:id/annotation); the new version. */
export async function saveDraft(user: SeededUser, task: TaskSummary, read: Read): Promise<number> {
  return expectStatus(await user.api.put<{ version: number }>(`/api/tasks/${task.id}/annotation`, { version: task.version, ...read }), 200, `save a draft of task ${task.id}`).version;
}

/** Saves and submits a read through the API. */
export async function submitRead(user: SeededUser, task: TaskSummary, read: Read): Promise<void> {
  const version = await saveDraft(user, task, read);
  expectStatus(await user.api.post(`/api/tasks/${task.id}/submit`, { version }), 200, `submit task ${task.id}`);
}

/** Every annotator reads every one of their tasks in the project with read(annotator index, image id). */
export async function readAll(study: Study, read: (reader: number, imageId: string) => Read): Promise<void> {
  for (const [r, user] of study.annotators.entries()) {
    for (let guard = 0; guard < 1000; guard++) {
      const next = await nextTask(user, study.key);
      if (next === null) break;
      await submitRead(user, next.task, read(r, next.image.imageId));
    }
  }
}

/** The files of a new export snapshot (POST /api/projects/:key/exports), by name. */
export async function exportFiles(web: WebServer, key: string, format = 'vindr'): Promise<Map<string, string>> {
  const created = expectStatus(await web.admin.post<{ number: number; files: Array<{ name: string }> }>(`/api/projects/${key}/exports`, { format }), 201, `export ${key}`);
  const files = new Map<string, string>();
  for (const f of created.files) {
    const download = await web.admin.get(`/api/projects/${key}/exports/${created.number}/files/${f.name}`);
    expectStatus(download, 200, `download ${f.name}`);
    files.set(f.name, Buffer.from(download.raw.rawPayload).toString('utf8'));
  }
  return files;
}

/** A CSV file's rows as objects keyed by the header (no quoted commas in the files this reads). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const head = (lines.shift() ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}
