/**
 * Builds the Teams app package: appPackage/build/appPackage.<env>.zip
 *
 *   tsx scripts/package-app.ts [--env <name>] [--env-file <path>] [--out <dir>]
 *
 * - `${{VAR}}` placeholders in appPackage/manifest.json and its localization files are
 *   filled from env/.env.<env> (+ env/.env.<env>.user if present); a non-empty variable in
 *   the process environment wins. Default env: local. `${{APP_VERSION}}` (the manifest's
 *   version) is always package.json's version, as the toolkit's provision step sets it.
 * - Refuses (exit code 1) when a placeholder has no value, when the manifest or a
 *   localization file fails its JSON schema (validated offline with the schemas bundled in
 *   @microsoft/app-manifest), or when an icon has the wrong size / outline colours.
 * - The zip holds manifest.json, the two icons and the localization files, with fixed
 *   timestamps so the same input gives the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A refusal with a message meant for the person running the script. */
export class PackageError extends Error {
  override name = 'PackageError';
}

export interface PackageOptions {
  /** Environment name; selects env/.env.<env> and names the zip. Default `local`. */
  env?: string;
  /** Env file to read instead of env/.env.<env>. */
  envFile?: string;
  /** Where the zip goes. Default appPackage/build. */
  outDir?: string;
  /** Folder holding manifest.json, icons and localization files. Default appPackage. */
  appPackageDir?: string;
  /** Overrides for the env file (non-empty values win). Default `process.env`. */
  processEnv?: Record<string, string | undefined>;
}

export interface PackageResult {
  zipPath: string;
  env: string;
  /** The manifest exactly as written into the zip. */
  manifest: Record<string, unknown>;
  /** File names inside the zip. */
  files: string[];
}

const PLACEHOLDER = /\$\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g;
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Parses a dotenv-style file (KEY=VALUE, # comments, optional quotes, optional `export`). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote));
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]] = value;
  }
  return out;
}

/** package.json's version: the Teams app's version, bumped with every release of LeadBridge. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !version) throw new PackageError('package.json has no version.');
  return version;
}

/** Names of the `${{VAR}}` placeholders in `text`, in order of first use. */
export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Replaces every `${{VAR}}` in a JSON text with the JSON-escaped value of VAR.
 * Returns the names that have no (or an empty) value instead of substituting them.
 */
export function substitutePlaceholders(
  jsonText: string,
  vars: Record<string, string | undefined>,
): { text: string; missing: string[] } {
  const missing = findPlaceholders(jsonText).filter((name) => !vars[name]);
  if (missing.length > 0) return { text: jsonText, missing };
  const text = jsonText.replace(PLACEHOLDER, (_all, name: string) => JSON.stringify(vars[name]).slice(1, -1));
  return { text, missing };
}

/** Reads env/.env.<env> (or `envFile`) plus its `.user` sibling; process env values win. */
export function loadEnvValues(
  envFile: string,
  processEnv: Record<string, string | undefined>,
): Record<string, string | undefined> {
  if (!existsSync(envFile)) {
    throw new PackageError(
      `Env file not found: ${displayPath(envFile)}. Create it (the samples in env/ list every variable) or pass --env-file.`,
    );
  }
  const values: Record<string, string | undefined> = parseEnvFile(readFileSync(envFile, 'utf8'));
  const userFile = `${envFile}.user`;
  if (existsSync(userFile)) Object.assign(values, parseEnvFile(readFileSync(userFile, 'utf8')));
  for (const [k, v] of Object.entries(processEnv)) if (v) values[k] = v;
  return values;
}

// ---------------------------------------------------------------------------------------------
// Offline schema validation with the schemas bundled in @microsoft/app-manifest

const requireCjs = createRequire(import.meta.url);

/** Folder of the installed @microsoft/app-manifest build (holds json-schemas/). */
function appManifestBuildDir(): string {
  return dirname(requireCjs.resolve('@microsoft/app-manifest'));
}

/** Local file of a developer.microsoft.com schema URL inside @microsoft/app-manifest, if bundled. */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(schemaUrl);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'developer.microsoft.com') return undefined;
  // Drop a locale segment such as /en-us/ in front of /json-schemas/.
  const m = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(json-schemas\/teams\/.+\.json)$/i.exec(url.pathname);
  if (!m) return undefined;
  const file = join(appManifestBuildDir(), m[1]);
  return existsSync(file) ? file : undefined;
}

function bundledTeamsSchemaVersions(): string[] {
  const dir = join(appManifestBuildDir(), 'json-schemas', 'teams');
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

type JsonSchema = Record<string, unknown>;

/**
 * Loads a bundled schema. The Localization schemas since v1.8 contain the pattern `\b]`
 * (a lone `]`), which Ajv rejects because it compiles patterns with the `u` flag; it is
 * rewritten to the equivalent `\b\]` so the schema compiles.
 */
export function loadBundledSchema(schemaUrl: string): JsonSchema {
  const file = bundledSchemaPath(schemaUrl);
  if (!file) {
    const versions = bundledTeamsSchemaVersions().sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    throw new PackageError(
      `$schema ${schemaUrl} is not bundled with @microsoft/app-manifest, so it cannot be validated offline.\n` +
        `Use https://developer.microsoft.com/json-schemas/teams/<version>/MicrosoftTeams.schema.json with one of: ${versions.join(', ')}`,
    );
  }
  // Same clean-up as AppManifestUtils.fetchSchema (the schemas contain \a and \v escapes).
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return repairPatterns(JSON.parse(text) as JsonSchema);
}

function repairPattern(p: string): string {
  try {
    new RegExp(p, 'u');
    return p;
  } catch {
    return p.replace(/\\b\]/g, '\\b\\]');
  }
}

function repairPatterns<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => repairPatterns(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'pattern' && typeof v === 'string') out[k] = repairPattern(v);
    else if (k === 'patternProperties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [repairPattern(p), repairPatterns(s)]));
    } else out[k] = repairPatterns(v);
  }
  return out as T;
}

/** Schema errors of a Teams manifest or localization file (empty array = valid), offline. */
export async function validateAgainstBundledSchema(doc: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = doc.$schema;
  if (typeof schemaUrl !== 'string' || !schemaUrl) throw new PackageError('The document has no $schema.');
  const schema = loadBundledSchema(schemaUrl);
  // validateAgainstSchema is typed for app manifests; localization files go through the same Ajv path.
  return AppManifestUtils.validateAgainstSchema(
    doc as unknown as TeamsManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}

// ---------------------------------------------------------------------------------------------
// Icons

/** Problems with an icon: wrong size, or (outline) pixels that are neither white nor transparent. */
export function checkIcon(png: Buffer, name: string, size: number, outline: boolean): string[] {
  let img: PNG;
  try {
    img = PNG.sync.read(png);
  } catch (e) {
    return [`${name}: not a readable PNG (${(e as Error).message})`];
  }
  const problems: string[] = [];
  if (img.width !== size || img.height !== size) {
    problems.push(`${name}: must be ${size}×${size} pixels, is ${img.width}×${img.height}`);
  }
  if (outline) {
    let bad = 0;
    for (let i = 0; i < img.data.length; i += 4) {
      const [r, g, b, a] = [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
      if (a !== 0 && !(r === 255 && g === 255 && b === 255)) bad++;
    }
    if (bad > 0) problems.push(`${name}: ${bad} pixel(s) are neither transparent nor white`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

function readJson(path: string, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError(`${displayPath(path)} is not valid JSON after substitution: ${(e as Error).message}`);
  }
}

function safeRelative(appPackageDir: string, file: string, what: string): string {
  const full = resolve(appPackageDir, file);
  const rel = relative(appPackageDir, full);
  if (!file || rel.startsWith('..') || isAbsolute(rel)) {
    throw new PackageError(`${what} "${file}" must be a relative path inside ${displayPath(appPackageDir)}`);
  }
  return rel.split('\\').join('/');
}

/** Builds and validates the app package; throws PackageError with a readable message on refusal. */
export async function buildAppPackage(options: PackageOptions = {}): Promise<PackageResult> {
  const appPackageDir = resolve(options.appPackageDir ?? join(repoRoot, 'appPackage'));
  const envFile = resolve(options.envFile ?? join(repoRoot, 'env', `.env.${options.env ?? 'local'}`));
  const env = options.env ?? (options.envFile ? basename(envFile).replace(/^\.env\.?/, '') || 'custom' : 'local');
  if (!/^[A-Za-z0-9_-]+$/.test(env))
    throw new PackageError(`Invalid env name "${env}" (letters, digits, - and _ only).`);
  const outDir = resolve(options.outDir ?? join(appPackageDir, 'build'));
  const vars = { ...loadEnvValues(envFile, options.processEnv ?? process.env), APP_VERSION: packageVersion() };

  const manifestPath = join(appPackageDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new PackageError(`Manifest not found: ${displayPath(manifestPath)}`);
  const manifestTemplate = readFileSync(manifestPath, 'utf8');

  // Localization files are named in the template, so read them from it before substitution.
  const templateJson = readJson(manifestPath, manifestTemplate) as {
    icons?: { color?: string; outline?: string };
    localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file?: string }[] };
  };
  const localizationFiles = [
    templateJson.localizationInfo?.defaultLanguageFile,
    ...(templateJson.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ].filter((f): f is string => typeof f === 'string');

  // 1. Placeholders: collect every missing value across all files before refusing.
  const texts = new Map<string, string>([['manifest.json', manifestTemplate]]);
  for (const file of localizationFiles) {
    const rel = safeRelative(appPackageDir, file, 'Localization file');
    const path = join(appPackageDir, rel);
    if (!existsSync(path))
      throw new PackageError(`Localization file not found: ${displayPath(path)} (named in manifest.json)`);
    texts.set(rel, readFileSync(path, 'utf8'));
  }
  const missing = new Map<string, string[]>();
  const resolved = new Map<string, string>();
  for (const [name, text] of texts) {
    const r = substitutePlaceholders(text, vars);
    for (const v of r.missing) missing.set(v, [...(missing.get(v) ?? []), name]);
    resolved.set(name, r.text);
  }
  if (missing.size > 0) {
    const lines = [...missing].map(([v, files]) => `  \${{${v}}}  (used in ${files.join(', ')})`);
    throw new PackageError(
      `Cannot build the Teams app package for env "${env}": ${missing.size === 1 ? 'this placeholder has' : 'these placeholders have'} no value:\n` +
        `${lines.join('\n')}\n` +
        `Set ${missing.size === 1 ? 'it' : 'them'} in ${displayPath(envFile)} (or in the process environment) and run again; ` +
        `TEAMS_APP_ID and BOT_ID are written there by \`teamsapp provision --env ${env}\`.`,
    );
  }

  // 2. Schema validation of the final manifest and localization files.
  const manifest = readJson(manifestPath, resolved.get('manifest.json')!);
  const problems: string[] = [];
  for (const err of await validateAgainstBundledSchema(manifest)) problems.push(`manifest.json: ${err}`);
  const localizations = new Map<string, Record<string, unknown>>();
  for (const [name, text] of resolved) {
    if (name === 'manifest.json') continue;
    const doc = readJson(join(appPackageDir, name), text);
    localizations.set(name, doc);
    for (const err of await validateAgainstBundledSchema(doc)) problems.push(`${name}: ${err}`);
  }

  // 3. Icons.
  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  const iconFiles = new Map<string, Buffer>();
  for (const [kind, size] of [
    ['color', 192],
    ['outline', 32],
  ] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') continue; // reported by the schema
    const rel = safeRelative(appPackageDir, file, `Icon ${kind}`);
    const path = join(appPackageDir, rel);
    if (!existsSync(path)) {
      problems.push(`${rel}: file not found (icons.${kind}); run \`tsx scripts/make-icons.ts\``);
      continue;
    }
    const buf = readFileSync(path);
    problems.push(...checkIcon(buf, rel, size, kind === 'outline'));
    iconFiles.set(rel, buf);
  }

  if (problems.length > 0) {
    throw new PackageError(
      `The Teams app package for env "${env}" is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    );
  }

  // 4. Zip.
  const zip = new JSZip();
  const add = (name: string, data: string | Buffer) => zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, buf] of iconFiles) add(name, buf);
  for (const [name, doc] of localizations) add(name, `${JSON.stringify(doc, null, 2)}\n`);
  const data = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  writeFileSync(zipPath, data);
  return { zipPath, env, manifest, files: Object.keys(zip.files) };
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = 'usage: tsx scripts/package-app.ts [--env <name>] [--env-file <path>] [--out <dir>]';

/** Parses the command line; throws PackageError on unknown or incomplete flags. */
export function parseArgs(argv: string[]): PackageOptions & { help?: boolean } {
  const opts: PackageOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      opts.help = true;
      continue;
    }
    const m = /^--(env|env-file|out)(?:=(.*))?$/.exec(arg);
    if (!m) throw new PackageError(`Unknown argument "${arg}"\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (!value || value.startsWith('--')) throw new PackageError(`--${m[1]} needs a value\n${USAGE}`);
    if (m[1] === 'env') opts.env = value;
    else if (m[1] === 'env-file') opts.envFile = resolve(value);
    else opts.outDir = resolve(value);
  }
  return opts;
}

async function main(): Promise<void> {
  try {
    const opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      console.log(USAGE);
      return;
    }
    const result = await buildAppPackage(opts);
    console.log(
      `Teams app package (env "${result.env}"): ${displayPath(result.zipPath)}\n  ${result.files.join(', ')}`,
    );
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(`package-app: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
