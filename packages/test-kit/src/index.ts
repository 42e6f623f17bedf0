export * from './database';
export * from './clock';
export * from './builders';
