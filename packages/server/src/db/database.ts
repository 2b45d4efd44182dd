// The database's tables, as Kysely sees them. Times are ISO 8601 UTC strings; booleans are 0/1 integers
// (one representation for SQLite and PostgreSQL). Migrations in ./migrations create exactly these.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A count or id that PostgreSQL's driver may return as a string (bigint). */
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's secret; the secret itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type Workflow = 'independent' | 'consensus';

export interface ProjectsTable {
  id: Id;
  key: string;
  name: string;
  workflow: Workflow;
  readers_per_image: number;
  reviewers_per_image: number;
  /** The LabelSchema (JSON). */
  schema_json: string;
  /** The verification rules (JSON array, @cxrlab/dataset/rules). */
  rules_json: string;
  /** The seed the per-reader task order is shuffled with (recorded, so an order can be reproduced). */
  assignment_seed: number;
  created_at: string;
  created_by: number | null;
}

export type ProjectRole = 'owner' | 'annotator' | 'reviewer';

export interface MembershipsTable {
  project_id: number;
  user_id: number;
  role: ProjectRole;
  /** 0 once the member has left (their open tasks are re-assigned; what they submitted stays). */
  active: number;
  created_at: string;
}

/** A reader's stable pseudonym in a project's exports and review views: R1, R2, ... never a user name. */
export interface ReaderPseudonymsTable {
  project_id: number;
  user_id: number;
  rad_id: string;
  number: number;
}

export type Split = 'train' | 'test';

export interface ImagesTable {
  id: Id;
  project_id: number;
  /** The anonymous image id (the VinDr release's file name stem). */
  image_id: string;
  split: Split;
  /** Absolute path of the de-identified DICOM file. */
  path: string;
  file_size: number;
  width: number;
  height: number;
  bits_stored: number;
  photometric: string;
  /** Window presets and key header values (JSON). */
  header_json: string;
  created_at: string;
}

export type TaskKind = 'annotate' | 'review';
export type TaskStatus = 'pending' | 'in_progress' | 'submitted' | 'skipped' | 'reassigned';

export interface TasksTable {
  id: Id;
  project_id: number;
  image_id: number;
  kind: TaskKind;
  user_id: number;
  status: TaskStatus;
  /** The task's place in its reader's shuffled order (the reader's worklist sorts by it). */
  position: number;
  /** Optimistic concurrency: bumped by every save; a save naming another version gets 409. */
  version: number;
  reading_ms: number;
  skip_reason: string | null;
  created_at: string;
  started_at: string | null;
  submitted_at: string | null;
  updated_at: string;
}

export type AnnotationKind = 'global' | 'local';

/** One label of a read: a global label (no box) or a box with its local label, in image pixels. */
export interface AnnotationsTable {
  id: Id;
  task_id: number;
  image_id: number;
  kind: AnnotationKind;
  label: string;
  x_min: number | null;
  y_min: number | null;
  x_max: number | null;
  y_max: number | null;
}

export type ConsensusStatus = 'open' | 'final';

/** The shared consensus of a consensus-workflow image, edited by its review panel. */
export interface ConsensusTable {
  image_id: number;
  project_id: number;
  version: number;
  status: ConsensusStatus;
  updated_by: number | null;
  updated_at: string;
}

export interface ConsensusAnnotationsTable {
  id: Id;
  image_id: number;
  kind: AnnotationKind;
  label: string;
  x_min: number | null;
  y_min: number | null;
  x_max: number | null;
  y_max: number | null;
}

/** A reviewer's approval of one consensus version; an edit makes approvals of older versions void. */
export interface ApprovalsTable {
  image_id: number;
  user_id: number;
  version: number;
  approved_at: string;
}

export interface CommentsTable {
  id: Id;
  project_id: number;
  image_id: number;
  task_id: number | null;
  user_id: number;
  body: string;
  created_at: string;
}

/** Append-only: the migrations add triggers that refuse UPDATE and DELETE. */
export interface AuditLogTable {
  id: Id;
  at: string;
  user_id: number | null;
  project_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail_json: string;
}

export interface ExportsTable {
  id: Id;
  project_id: number;
  /** 1, 2, ... per project. */
  number: number;
  format: string;
  created_at: string;
  created_by: number | null;
  counts_json: string;
  /** The snapshot's folder, relative to the data dir (or null when kept in the database only). */
  path: string | null;
}

export interface ImportRunsTable {
  id: Id;
  project_id: number;
  source: string;
  started_at: string;
  finished_at: string | null;
  added: number;
  unchanged: number;
  refused: number;
  failed: number;
  user_id: number | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  projects: ProjectsTable;
  memberships: MembershipsTable;
  reader_pseudonyms: ReaderPseudonymsTable;
  images: ImagesTable;
  tasks: TasksTable;
  annotations: AnnotationsTable;
  consensus: ConsensusTable;
  consensus_annotations: ConsensusAnnotationsTable;
  approvals: ApprovalsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  exports: ExportsTable;
  import_runs: ImportRunsTable;
}

export type User = Selectable<UsersTable>;
export type Project = Selectable<ProjectsTable>;
export type Image = Selectable<ImagesTable>;
export type Task = Selectable<TasksTable>;
export type NewTask = Insertable<TasksTable>;
export type TaskUpdate = Updateable<TasksTable>;
export type Annotation = Selectable<AnnotationsTable>;
export type { ColumnType };
