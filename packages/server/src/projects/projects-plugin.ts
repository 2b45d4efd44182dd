// The projects feature: projects and their rules, and their members.
import type { FastifyInstance } from 'fastify';
import { memberRoutes } from './member-routes.js';
import { projectRoutes } from './project-routes.js';

export async function projectsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(projectRoutes);
  await app.register(memberRoutes);
}
