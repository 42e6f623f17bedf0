export * from './attachment';
export * from './errors';
export * from './sniff';
export * from './validate';
