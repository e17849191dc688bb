export * from './acled.js';
export { actorColumns, type ActorColumns, type ActorInput } from './actors.js';
export * from './countries.js';
export * from './csv.js';
export * from './geojson.js';
export * from './hxl.js';
export * from './row.js';
export * from './formats.js';
