// The feature route plugins, registered by buildApp in this order. Each is one folder's routes.
import type { FastifyInstance } from 'fastify';

export const ROUTE_PLUGINS: Array<(app: FastifyInstance) => Promise<void>> = [];
