// Types for codeServer.mjs (imported by the TypeScript UI suite).
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const ROOT: string;
export const HARNESS: string;
export const NODE24: string;
export const CODE_SERVER: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export const QUIET_SETTINGS: Record<string, unknown>;

export interface CodeServer {
  url: string;
  port: number;
  host: string;
  pid: number;
  home: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  userDataDir: string;
  extensionsDir: string;
  home?: string;
  port?: number;
  smokeTestDriver?: boolean;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  extraArgs?: string[];
  log?: (line: string) => void;
}

export function checkHarness(opts?: { browser?: boolean }): void;
export function freePort(): Promise<number>;
export function tempDir(prefix?: string): string;
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): string;
export function installExtension(vsix: string, opts: { extensionsDir: string; userDataDir: string; home?: string }): Promise<string>;
export function startCodeServer(opts: StartOptions): Promise<CodeServer>;
export function stopProcessGroup(child: ChildProcess | undefined, graceMs?: number): Promise<void>;
export function launchChromium(opts?: { headless?: boolean }): Promise<Browser>;
export function remoteUri(host: string, p: string): string;
export function workbenchUrl(server: CodeServer, opts?: { folder?: string; payload?: Array<[string, string]> }): string;
export function vsixPath(): string;
export function watchParent(onGone: () => void, intervalMs?: number): () => void;
export function removeDir(dir: string): void;
