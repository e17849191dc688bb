// `truceline webhooks` on SQLite (the suite: webhooks.test-suite.ts).
import { webhooksCliSuite } from './webhooks.test-suite.js';

webhooksCliSuite('SQLite', () => Promise.resolve(null));
