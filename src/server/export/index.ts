export * from './acled.js';
export * from './countries.js';
export * from './csv.js';
export * from './geojson.js';
export * from './hxl.js';
export * from './row.js';
