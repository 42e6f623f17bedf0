export * from './shared/errors';
export * from './shared/money';
export * from './access';
export * from './work-order';
export * from './service-request';
