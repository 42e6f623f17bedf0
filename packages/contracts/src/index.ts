export * from './common';
export * from './auth';
export * from './master-data';
export * from './service-requests';
export * from './work-orders';
export * from './lifecycle';
export * from './fieldwork';
export * from './sla';
