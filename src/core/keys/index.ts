// Keys: the registration and revocation rule and proof of possession (issue 9, finding 1).
export * from './possession.js';
export * from './registry.js';
