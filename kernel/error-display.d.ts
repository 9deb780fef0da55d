/** Types of error-display.js (plain Node, so that the kernel runs without compiling). */
export function formatError(error: unknown, root: string, readFile?: (file: string) => string): string;
export function studentFrame(line: string, root: string): { text: string; cell?: boolean; file?: string; rel?: string; line?: number; column?: number } | null;
