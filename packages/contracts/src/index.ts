export * from './common';
export * from './auth';
export * from './master-data';
export * from './service-requests';
export * from './work-orders';
