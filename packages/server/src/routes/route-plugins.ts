// The feature route plugins, registered by buildApp in this order. Each is one folder's routes.
import type { FastifyInstance } from 'fastify';
import { projectsPlugin } from '../projects/projects-plugin.js';
import { importRoutes } from '../import/import-routes.js';
import { imageRoutes } from '../image-routes/image-routes.js';
import { exportRoutes } from '../export/index.js';
import { progressRoutes } from '../progress/index.js';
import { reviewRoutes } from '../review/index.js';
import { commentRoutes } from '../comments/index.js';
import { assignmentRoutes } from '../workflow/index.js';
import { taskRoutes } from '../tasks/index.js';

export const ROUTE_PLUGINS: Array<(app: FastifyInstance) => Promise<void>> = [
  projectsPlugin,
  importRoutes,
  imageRoutes,
  exportRoutes,
  progressRoutes,
  reviewRoutes,
  commentRoutes,
  assignmentRoutes,
  taskRoutes,
];
