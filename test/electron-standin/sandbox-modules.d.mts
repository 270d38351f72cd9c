export declare const PRELOAD_PARAMS: string[];
export declare const SANDBOX_MODULES: Record<'electron' | 'events' | 'timers' | 'url', string[]>;
export declare const moduleNotFound: (name: string) => Error;
