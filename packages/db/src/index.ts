export * from './client';
export * as schema from './schema';
export * from './schema';
export * from './schema-sla';
export * from './schema-lifecycle';
export * from './schema-fieldwork';
export * from './schema-workforce';
export * from './schema-portal';
