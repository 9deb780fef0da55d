/** Types of install.js (plain Node, so that npm install runs it without compiling). */
export interface KernelSpec {
  argv: [string, string, '{connection_file}'];
  display_name: string;
  language: 'typescript';
  interrupt_mode: 'signal';
  metadata: { annlab: { project: string; version: string } };
}
export interface WrittenSpec {
  file: string;
  changed: boolean;
  replaced?: string;
}
export interface InstallResult {
  spec: KernelSpec;
  project: WrittenSpec;
  user?: WrittenSpec;
  userError?: string;
  tslabMissing: boolean;
}
export function kernelSpec(root?: string, nodePath?: string): KernelSpec;
export function installKernel(options?: { root?: string; user?: boolean; env?: NodeJS.ProcessEnv; nodePath?: string }): InstallResult;
export function userInstallDecision(env?: NodeJS.ProcessEnv): { user: boolean; reason?: string };
export function describe(result: InstallResult, skippedUserReason?: string): string;
