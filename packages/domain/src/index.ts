export * from './shared/errors';
export * from './shared/money';
