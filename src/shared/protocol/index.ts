export * from './constants';
export * from './session';
export * from './transcript';
export * from './frames';
export * from './decode';
export * from './items';
export * from './optional';
