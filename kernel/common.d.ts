/** Types of common.js (plain Node, so that npm install and npm start run it without compiling). */
export const PROJECT_ROOT: string;
export const KERNEL_NAME: 'annlab';
export const KERNEL_DISPLAY_NAME: 'TypeScript (annlab)';
export function projectJupyterDir(root?: string): string;
export function userJupyterDataDir(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export function systemJupyterDataDir(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export function isCI(env?: NodeJS.ProcessEnv): boolean;
export function findExecutable(name: string, searchPath?: string, env?: NodeJS.ProcessEnv): string | undefined;
