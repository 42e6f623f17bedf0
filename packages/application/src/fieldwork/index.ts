export * from './files';
export * from './calendars';
export * from './attachments';
export * from './records';
export * from './moves';
export * from './follow-ups';
export * from './surveys';
export * from './report';
