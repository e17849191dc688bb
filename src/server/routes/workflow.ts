// Registers the workflow's routes and keeps its read model following the logs.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { followLogs } from '../workflow/context.js';
import { registerComplianceRoutes } from './compliance.js';
import { registerConfidentialRoutes } from './confidential.js';
import { registerCrossingRoutes } from './crossings.js';
import { registerIncidentRoutes } from './incidents.js';
import { registerStatsRoutes } from './stats.js';

export function registerWorkflowRoutes(app: FastifyInstance, ctx: AppContext): void {
  followLogs(app, ctx);
  registerIncidentRoutes(app, ctx);
  registerConfidentialRoutes(app, ctx);
  registerCrossingRoutes(app, ctx);
  registerComplianceRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
}
