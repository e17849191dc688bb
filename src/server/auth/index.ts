export * from './caller.js';
export * from './passwords.js';
export * from './rate-limit.js';
export * from './routes.js';
