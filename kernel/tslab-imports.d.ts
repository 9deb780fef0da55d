/** Types of tslab-imports.js (plain Node, so that the kernel runs without compiling). */
export interface SideOutput {
  path: string;
  data: string;
}
export function directoryAliases(sideOutputs: SideOutput[], fileExists?: (file: string) => boolean): SideOutput[];
export function requiredPaths(file: string, code: string): string[];
export function createSideOutputFixer(fileExists?: (file: string) => boolean): (sideOutputs: SideOutput[]) => SideOutput[];
export function withSideOutputFixes<T extends object>(converter: T, fix?: (sideOutputs: SideOutput[]) => SideOutput[]): T;
export function installImportFixes(executorModule: { createExecutor?: unknown }): boolean;
