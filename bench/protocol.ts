/**
 * The messages between the bench (the parent process, which drives the load) and the Strapi server
 * it forks (bench/server.ts). Control goes over Node's IPC channel, never over HTTP, so nothing the
 * bench needs is ever routed through the app being measured.
 */

import type { CpuSummary } from './profiler';

export type SeedRequest = {
  /** Index of the first story to add: stories are generated from their index, deterministically. */
  from: number;
  /** Stories to add (each published: a draft row and a published row). */
  stories: number;
  /** Corrections to add on top of the stories' own 0–3, spread over stories 0 … spreadOver-1. */
  extraCorrections: number;
  spreadOver: number;
  /** Which types to write: the plugin's and/or the plain baseline types (api::plain-*). */
  plugin: boolean;
  plain: boolean;
};

export type SeedResult = {
  stories: number;
  sourceDocuments: number;
  corrections: number;
  rows: number;
  ms: number;
};

export type CapturedQuery = { sql: string; bindings: unknown[]; ms: number };

export type QueryCount = { count: number; queries: CapturedQuery[] };

export type PublishTimings = {
  gate: number[];
  rulesOff: number[];
  /** Queries one publish of the same story sends, each way. */
  queries: { gate: number; rulesOff: number };
  refusedWithGate: boolean;
};

/** The mixed load's editor (an admin who logs in over HTTP) and the stories each editor works on. */
export type EditorsSetup = {
  email: string;
  password: string;
  stories: Array<{ documentId: string; slug: string }>;
};

export type MemorySample = { rss: number; heapUsed: number; heapTotal: number; external: number };

export type Commands = {
  seed: { args: SeedRequest; result: SeedResult };
  grantPublicRead: { args: { actions: string[] }; result: { granted: number } };
  startQueryCount: { args: Record<string, never>; result: null };
  stopQueryCount: { args: Record<string, never>; result: QueryCount };
  explain: { args: { sql: string; bindings: unknown[] }; result: string[] };
  publish: { args: { stories: number; rounds: number }; result: PublishTimings };
  memory: { args: Record<string, never>; result: MemorySample };
  databaseVersion: { args: Record<string, never>; result: string };
  analyze: { args: Record<string, never>; result: null };
  /** The floor route's constant (playground/src/api/bench-floor): the payload it answers. */
  setFloorPayload: { args: { payload: unknown }; result: { bytes: number } };
  prepareEditors: { args: { stories: number }; result: EditorsSetup };
  /** Points the plugin's purges (config `cache.purge.endpoints`) at these URLs, in the running server. */
  setPurgeEndpoints: { args: { urls: string[] }; result: null };
  /** V8's CPU profiler in the server, around one route's load (bench/profile.ts). */
  startProfile: { args: Record<string, never>; result: null };
  stopProfile: { args: Record<string, never>; result: CpuSummary };
};

export type CommandName = keyof Commands;

export type CommandMessage<K extends CommandName = CommandName> = {
  id: number;
  command: K;
  args: Commands[K]['args'];
};

export type ReplyMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { ready: true; port: number };
