export * from './category';
export * from './activity';
export * from './progress';
export * from './ordering';
export * from './summary';
export * from './change';
export * from './insights';
export * from './unreadable';
