/** Types of install.js (plain Node, so that npm install runs it without compiling). */
/** The project's own kernelspec: runs that project's kernel/launch.js. */
export interface KernelSpec {
  argv: [string, string, '{connection_file}'];
  display_name: string;
  language: 'typescript';
  interrupt_mode: 'signal';
  metadata: { annlab: { project: string; version: string } };
}
/** The shared kernelspec (user, system or any data folder): runs the launcher copied beside it. */
export interface SharedKernelSpec {
  argv: [string, string, '{connection_file}'];
  display_name: string;
  language: 'typescript';
  interrupt_mode: 'signal';
  metadata: { annlab: { launcher: number } };
}
export interface WrittenSpec {
  file: string;
  changed: boolean;
  /** The project whose old-style kernelspec (tied to that project) was replaced. */
  replaced?: string;
  /** The version of a newer launcher found and kept. */
  newer?: number;
}
export type InstallTarget = 'project' | 'user' | 'system' | 'dir';
export const TARGETS: InstallTarget[];
export const SHARED_FILES: string[];
export interface InstallResult {
  spec: KernelSpec;
  target: InstallTarget;
  project: WrittenSpec;
  shared?: WrittenSpec;
  sharedError?: string;
  tslabMissing: boolean;
}
export interface InstallOptions {
  root?: string;
  target?: InstallTarget;
  /** The Jupyter data folder, for target 'dir'. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  nodePath?: string;
}
export function kernelSpec(root?: string, nodePath?: string): KernelSpec;
export function sharedSpec(dir: string, nodePath?: string): SharedKernelSpec;
export function writeSharedSpec(dataDir: string, nodePath?: string, sourceDir?: string): WrittenSpec;
export function targetDataDir(target: InstallTarget, options?: { dataDir?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): string | undefined;
export function installKernel(options?: InstallOptions): InstallResult;
export function userInstallDecision(env?: NodeJS.ProcessEnv): { user: boolean; reason?: string };
export function parseArgs(
  args: string[],
  env?: NodeJS.ProcessEnv,
): { target: InstallTarget; dataDir?: string; quiet: boolean; explicit?: boolean; reason?: string };
export function describe(result: InstallResult, skippedUserReason?: string): string;
