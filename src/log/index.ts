// Public API of src/log (re-exports only).
export * from './errors.js';
export * from './hasher.js';
export * from './edge.js';
export * from './reader.js';
export * from './cosigner.js';
export * from './sequencer.js';
export * from './admission.js';
export * from './witness.js';
export * from './witness-server.js';
export * from './service.js';
