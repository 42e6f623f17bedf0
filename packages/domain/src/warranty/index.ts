export * from './warranty';
export * from './errors';
export * from './dates';
export * from './approval';
export { decideWarranty, resolveWarrantyMonths } from './decide';
export { overrideWarranty, type WarrantyOverrideCommand } from './override';
