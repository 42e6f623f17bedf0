export * from './quote';
export * from './errors';
export { priceQuote, priceMinutes, type QuoteIssue } from './price';
export * from './decide';
