export * from './work-order';
export * from './transitions';
export * from './decide';
export * from './errors';
