export * from './service-request';
export * from './decide';
export * from './numbering';
