/** Types of tslab-options.js (plain Node, so that the kernel runs without compiling). */
export function tslabTypeScript(root: string): any;
export function tslabCompilerOptions(ts: any, extra?: Record<string, unknown>): any;
