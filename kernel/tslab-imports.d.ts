/** Types of tslab-imports.js (plain Node, so that the kernel runs without compiling). */
export interface SideOutput {
  path: string;
  data: string;
}
export function directoryAliases(sideOutputs: SideOutput[], fileExists?: (file: string) => boolean): SideOutput[];
export function requiredPaths(file: string, code: string): string[];
export function createSideOutputFixer(fileExists?: (file: string) => boolean, prepare?: (sideOutputs: SideOutput[]) => SideOutput[]): (sideOutputs: SideOutput[]) => SideOutput[];
export function withSideOutputFixes<T extends object>(converter: T, fix?: (sideOutputs: SideOutput[]) => SideOutput[]): T;
export interface TslabConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
export function studentConsole(console: TslabConsole, root: string): TslabConsole;
export function installImportFixes(executorModule: { createExecutor?: unknown }, options?: { typescript?: unknown; target?: number }): boolean;
