/** Types of start.js (plain Node, so that npm start runs it without compiling). */
export interface StartCommand {
  command: string;
  args: string[];
  cwd: string;
  env: { JUPYTER_PATH: string };
}
export const INSTALL_HELP: [string, string];
export function startCommand(options?: { env?: NodeJS.ProcessEnv; root?: string; extraArgs?: string[] }): StartCommand | undefined;
