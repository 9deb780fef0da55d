/** Types of launcher.js (plain Node: it is copied into the kernelspec folder and run there). */
export const LAUNCHER_VERSION: number;
export function isProject(dir: string): boolean;
export function findProject(start: string): string | undefined;
export function problem(notebookDir: string, project?: string): string | undefined;
