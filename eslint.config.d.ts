/** The named exports of eslint.config.js, typed for tests/lint/layers.test.ts. */
export declare const STAGES: { name: string; paths: string[] }[];
export declare const OPEN_MODULES: string[];
declare const config: unknown;
export default config;
