/** Types of source-maps.js (plain Node, so that the kernel runs without compiling). */
import { SideOutput } from './tslab-imports';
/** Lines of segments [generated column, source, source line, source column], all absolute. */
export type Mappings = [number, number, number, number][][];
export function decodeMappings(mappings: string): Mappings;
export function encodeMappings(lines: Mappings): string;
export function composeMappings(outer: Mappings, inner: Mappings): Mappings;
export function sourceMapComment(ts: unknown, file: string, code: string, target: number, readFile?: (file: string) => string): string;
export function withSourceMaps(ts: unknown, target: number, sideOutputs: SideOutput[], fileExists?: (file: string) => boolean): SideOutput[];
