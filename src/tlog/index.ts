// Public API of src/tlog (re-exports only).
export * from './errors.js';
export * from './bytes.js';
export * from './ed25519.js';
export * from './note-key.js';
export * from './hash.js';
export * from './merkle.js';
export * from './note.js';
export * from './checkpoint.js';
export * from './cosignature.js';
export * from './verifier.js';
export * from './tiles.js';
export * from './policy.js';
export * from './proof-bundle.js';
export * from './witness-request.js';
