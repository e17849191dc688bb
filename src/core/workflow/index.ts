export * from './state-machine.js';
export * from './rules.js';
export * from './confidential.js';
export * from './compliance.js';
