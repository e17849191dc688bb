// `truceline webhooks` on PostgreSQL (the suite: webhooks.test-suite.ts).
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { webhooksCliSuite } from './webhooks.test-suite.js';

webhooksCliSuite('PostgreSQL', withFreshDatabase);
