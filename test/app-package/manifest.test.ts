import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons.js';
import {
  buildAppPackage,
  bundledSchemaPath,
  checkIcon,
  findPlaceholders,
  PackageError,
  packageVersion,
  parseArgs,
  parseEnvFile,
  substitutePlaceholders,
  validateAgainstBundledSchema,
} from '../../scripts/package-app.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const appPackageDir = join(root, 'appPackage');
const manifestText = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
const localizationText = readFileSync(join(appPackageDir, 'en.json'), 'utf8');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const SAMPLE = {
  TEAMS_APP_ID: '5b4c3a2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  BOT_ID: '0f1e2d3c-4b5a-4697-8877-665544332211',
  BOT_DOMAIN: 'leadbridge.example.com',
};
const SAMPLE_ENV_FILE = Object.entries(SAMPLE)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n');

type Json = Record<string, any>;

function sampleManifest(): Json {
  const { text, missing } = substitutePlaceholders(manifestText, { ...SAMPLE, APP_VERSION: version });
  expect(missing).toEqual([]);
  return JSON.parse(text) as Json;
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `leadbridge-${prefix}-`));
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of Object.keys(SAMPLE)) if (!(k in env)) delete childEnv[k];
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: childEnv }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) {
    out.push({ r: png.data[i], g: png.data[i + 1], b: png.data[i + 2], a: png.data[i + 3] });
  }
  return out;
}

describe('appPackage/manifest.json', () => {
  it('names a $schema that @microsoft/app-manifest bundles, with the matching manifestVersion', () => {
    const m = JSON.parse(manifestText) as Json;
    const v =
      /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(
        m.$schema,
      );
    expect(v, m.$schema).not.toBeNull();
    expect(m.manifestVersion).toBe(v![1]);
    expect(bundledSchemaPath(m.$schema), 'schema must be bundled for offline validation').toBeDefined();
  });

  it('validates offline against its schema with zero errors (placeholders replaced by sample values)', async () => {
    const manifest = sampleManifest();
    expect(bundledSchemaPath(manifest.$schema)).toBeDefined(); // so validateAgainstSchema reads it from disk
    expect(await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest)).toEqual([]);
  });

  // Shared and private channels: "supportsChannelFeatures": "tier1" (Microsoft Learn, "Adapt Teams app for
  // private and shared channels": makes the app available in shared and private channels); first in schema v1.25.
  it('allows shared and private channels (supportsChannelFeatures tier1), which needs manifest v1.25 or later', async () => {
    const manifest = sampleManifest();
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(25);
    const v125 = {
      ...manifest,
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json',
      manifestVersion: '1.25',
    };
    expect(await AppManifestUtils.validateAgainstSchema(v125 as TeamsManifest)).toEqual([]);
    const v124 = {
      ...manifest,
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
      manifestVersion: '1.24',
    };
    expect((await AppManifestUtils.validateAgainstSchema(v124 as TeamsManifest)).join('\n')).toContain(
      'supportsChannelFeatures',
    );
    const wrong = { ...manifest, supportsChannelFeatures: 'tier2' };
    expect((await AppManifestUtils.validateAgainstSchema(wrong as TeamsManifest)).join('\n')).toContain(
      'supportsChannelFeatures',
    );
  });

  it("uses only the placeholders TEAMS_APP_ID, BOT_ID, BOT_DOMAIN and APP_VERSION (package.json's version)", () => {
    expect(findPlaceholders(manifestText).sort()).toEqual(['APP_VERSION', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    const m = JSON.parse(manifestText) as Json;
    expect(m.id).toBe('${{TEAMS_APP_ID}}');
    expect(m.bots[0].botId).toBe('${{BOT_ID}}');
    expect(m.version).toBe('${{APP_VERSION}}');
    expect(packageVersion()).toBe(version);
    expect(sampleManifest().version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // Language-only tags: Teams falls back default → language → language-region, so `de`/`en` cover every region.
  it('describes LeadBridge: names, developer, German default language, English additional language', () => {
    const m = sampleManifest();
    expect(m.name).toEqual({ short: 'LeadBridge', full: 'LeadBridge – Leadmanagement für HubSpot und 36One' });
    expect(m.developer.name).toBe('LeadBridge');
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(m.developer[key]).toMatch(/^https:\/\/leadbridge\.example\.com\//);
    }
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'de',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(m.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    expect(m.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(m.webApplicationInfo).toBeUndefined();
  });

  it('declares one bot for personal and team scope; personal commands (own leads, digest) only in the personal list', () => {
    const [bot, ...more] = sampleManifest().bots as Json[];
    expect(more).toEqual([]);
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    const lists = bot.commandLists as Json[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['personal', 'team']);
    const titles = (scope: string) => lists.find((l) => l.scopes.includes(scope))!.commands.map((c: Json) => c.title);
    expect(titles('personal')).toEqual(['help', 'meine leads', 'Was ist ein MQL?', 'digest']);
    // What is typed in a channel is read by everyone there: glossary and classification, no personal data.
    expect(titles('team')).toEqual(['help', 'Was ist ein MQL?', '85 Mio. Umsatz, 400 Mitarbeiter']);
    for (const list of lists) {
      expect(
        list.scopes.some((s: string) => s === 'team' || s === 'groupChat') && list.scopes.includes('personal'),
      ).toBe(false);
      for (const c of list.commands) expect(c.description).toBeTruthy();
      expect(list.commands[0].description).toContain('Hilfe / Help');
    }
  });

  it('en.json validates against the bundled Localization schema and translates every command', async () => {
    const loc = JSON.parse(localizationText) as Json;
    expect(bundledSchemaPath(loc.$schema)).toBeDefined();
    expect(loc.$schema).toContain(`/v${JSON.parse(manifestText).manifestVersion}/`);
    expect(await validateAgainstBundledSchema(loc)).toEqual([]);
    const m = sampleManifest();
    m.bots[0].commandLists.forEach((list: Json, i: number) => {
      list.commands.forEach((_c: Json, j: number) => {
        expect(loc[`bots[0].commandLists[${i}].commands[${j}].title`]).toBeTruthy();
        expect(loc[`bots[0].commandLists[${i}].commands[${j}].description`]).toBeTruthy();
      });
    });
    expect(loc['bots[0].commandLists[0].commands[1].title']).toBe('my leads');
    expect(loc['bots[0].commandLists[1].commands[2].title']).toBe('85m revenue, 400 employees');
  });

  it('schema validation does report errors for a broken manifest', async () => {
    const broken = sampleManifest();
    broken.id = 'not-a-guid';
    broken.name.short = 'LeadBridge – viel zu langer Kurzname';
    broken.bots[0].scopes = ['personal', 'everywhere'];
    broken.bots[0].unknownProperty = true;
    delete broken.developer;
    const errors = await AppManifestUtils.validateAgainstSchema(broken as TeamsManifest);
    const text = errors.join('\n');
    expect(errors.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('/id');
    expect(text).toContain('/name/short');
    expect(text).toContain('/bots/0/scopes/1');
    expect(text).toContain('unknownProperty');
    expect(text).toContain('developer');
  });

  it('schema validation does report errors for a broken localization file', async () => {
    const loc = JSON.parse(localizationText) as Json;
    delete loc['description.full'];
    loc['bots[0].commandLists[7].commands[0].title'] = 'no such list';
    const text = (await validateAgainstBundledSchema(loc)).join('\n');
    expect(text).toContain('description.full');
    expect(text).toContain('commandLists[7]');
  });
});

describe('icons', () => {
  const color = PNG.sync.read(readFileSync(join(appPackageDir, 'color.png')));
  const outline = PNG.sync.read(readFileSync(join(appPackageDir, 'outline.png')));

  it('color.png is 192×192, opaque and not a single flat colour', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    const px = pixels(color);
    expect(px.every((p) => p.a === 255)).toBe(true);
    expect(new Set(px.map((p) => `${p.r},${p.g},${p.b}`)).size).toBeGreaterThan(2);
  });

  it('outline.png is 32×32 and every pixel is white or fully transparent', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const px = pixels(outline);
    const offending = px.filter((p) => p.a !== 0 && !(p.r === 255 && p.g === 255 && p.b === 255));
    expect(offending).toEqual([]);
    const drawn = px.filter((p) => p.a > 0).length;
    expect(drawn).toBeGreaterThan(50); // there is a shape
    expect(drawn).toBeLessThan((32 * 32) / 2); // on a transparent background
  });

  it('the committed PNGs are what scripts/make-icons.ts draws', () => {
    expect(Buffer.compare(color.data, renderColorIcon().data)).toBe(0);
    expect(Buffer.compare(outline.data, renderOutlineIcon().data)).toBe(0);
  });

  it('checkIcon refuses a wrong size and a coloured outline pixel', () => {
    expect(checkIcon(readFileSync(join(appPackageDir, 'color.png')), 'outline.png', 32, true)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('must be 32×32'),
        expect.stringContaining('neither transparent nor white'),
      ]),
    );
    const bad = renderOutlineIcon();
    bad.data.set([255, 0, 0, 255], 0);
    expect(checkIcon(PNG.sync.write(bad), 'outline.png', 32, true)).toEqual([
      'outline.png: 1 pixel(s) are neither transparent nor white',
    ]);
    expect(checkIcon(Buffer.from('nope'), 'color.png', 192, false)[0]).toContain('not a readable PNG');
  });
});

describe('scripts/package-app.ts', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('package');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses env files like dotenv (comments, quotes, export, inline comments)', () => {
    expect(
      parseEnvFile(
        '# comment\nA=1\nexport B = two \nC="Mon-Fri 08:00-18:00"\nD=\'x # y\'\nE=value # note\nF=\n  \nnot a line\nG="a\\"b"\n',
      ),
    ).toEqual({ A: '1', B: 'two', C: 'Mon-Fri 08:00-18:00', D: 'x # y', E: 'value', F: '', G: 'a"b' });
  });

  it('parses its flags and refuses unknown ones', () => {
    expect(parseArgs(['--env', 'dev'])).toEqual({ env: 'dev' });
    expect(parseArgs(['--env=dev', '--out', 'x'])).toMatchObject({ env: 'dev', outDir: resolve('x') });
    expect(() => parseArgs(['--bogus'])).toThrow(PackageError);
    expect(() => parseArgs(['--env'])).toThrow(/--env needs a value/);
  });

  it('JSON-escapes substituted values', () => {
    const { text } = substitutePlaceholders('{"a":"${{X}}","b":"${{ X }}"}', { X: 'say "hi"\\' });
    expect(JSON.parse(text)).toEqual({ a: 'say "hi"\\', b: 'say "hi"\\' });
  });

  it('CLI builds appPackage.<env>.zip with manifest.json, both icons and en.json and no placeholder left', async () => {
    const envFile = join(dir, '.env.citest');
    writeFileSync(envFile, `# sample\n${SAMPLE_ENV_FILE}\nAPP_VERSION=9.9.9\n`);
    const out = join(dir, 'build');
    const r = await run(['scripts/package-app.ts', '--env-file', envFile, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zipPath = join(out, 'appPackage.citest.zip');
    expect(existsSync(zipPath)).toBe(true);

    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    for (const name of ['manifest.json', 'en.json']) {
      expect(await zip.file(name)!.async('string')).not.toContain('${{');
    }
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(manifest.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE.BOT_ID);
    expect(manifest.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(manifest.version).toBe(version); // package.json wins over an APP_VERSION in the env file
    expect(await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest)).toEqual([]);
    const zippedOutline = await zip.file('outline.png')!.async('nodebuffer');
    expect(Buffer.compare(zippedOutline, readFileSync(join(appPackageDir, 'outline.png')))).toBe(0);
  });

  it('builds the same bytes twice (fixed timestamps)', async () => {
    const envFile = join(dir, '.env.repro');
    writeFileSync(envFile, SAMPLE_ENV_FILE);
    const a = await buildAppPackage({ envFile, outDir: join(dir, 'a'), processEnv: {} });
    const b = await buildAppPackage({ envFile, outDir: join(dir, 'b'), processEnv: {} });
    expect(a.env).toBe('repro');
    expect(Buffer.compare(readFileSync(a.zipPath), readFileSync(b.zipPath))).toBe(0);
  });

  it('refuses with a clear message when a placeholder has no value, and writes nothing', async () => {
    const envFile = join(dir, '.env.incomplete');
    writeFileSync(envFile, `TEAMS_APP_ID=${SAMPLE.TEAMS_APP_ID}\nBOT_ID=\n`);
    const outDir = join(dir, 'incomplete');
    const err = await buildAppPackage({ envFile, outDir, processEnv: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackageError);
    const msg = (err as Error).message;
    expect(msg).toContain('env "incomplete"');
    expect(msg).toContain('${{BOT_ID}}');
    expect(msg).toContain('${{BOT_DOMAIN}}');
    expect(msg).not.toContain('${{TEAMS_APP_ID}}');
    expect(msg).toContain(envFile);
    expect(existsSync(outDir)).toBe(false);

    const cli = await run(['scripts/package-app.ts', '--env-file', envFile, '--out', outDir]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^package-app: Cannot build the Teams app package for env "incomplete"/);
    expect(cli.stderr).toContain('${{BOT_ID}}');
    expect(existsSync(outDir)).toBe(false);
  });

  it('lets a non-empty process environment value fill or override the env file', async () => {
    const envFile = join(dir, '.env.override');
    writeFileSync(envFile, `TEAMS_APP_ID=${SAMPLE.TEAMS_APP_ID}\nBOT_ID=\nBOT_DOMAIN=old.example.com\n`);
    const r = await buildAppPackage({
      envFile,
      outDir: join(dir, 'override'),
      processEnv: { BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: 'new.example.com', TEAMS_APP_ID: '' },
    });
    expect(r.manifest.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect((r.manifest.bots as Json[])[0].botId).toBe(SAMPLE.BOT_ID);
    expect(r.manifest.validDomains).toEqual(['new.example.com']);
  });

  it('refuses an env file that does not exist', async () => {
    await expect(buildAppPackage({ env: 'nosuchenv', processEnv: {} })).rejects.toThrow(
      /Env file not found: .*\.env\.nosuchenv/,
    );
  });

  describe('with a modified copy of appPackage/', () => {
    function copyAppPackage(name: string, edit: (m: Json) => void): string {
      const copy = join(dir, name);
      cpSync(appPackageDir, copy, {
        recursive: true,
        filter: (src) => !src.includes(`${join('appPackage', 'build')}`),
      });
      const m = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Json;
      edit(m);
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(m, null, 2));
      return copy;
    }

    async function refusal(pkgDir: string): Promise<string> {
      const envFile = join(dir, '.env.sample');
      writeFileSync(envFile, SAMPLE_ENV_FILE);
      const err = await buildAppPackage({
        envFile,
        appPackageDir: pkgDir,
        outDir: join(pkgDir, 'out'),
        processEnv: {},
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PackageError);
      expect(existsSync(join(pkgDir, 'out'))).toBe(false);
      return (err as Error).message;
    }

    it('refuses a manifest that fails the schema', async () => {
      const msg = await refusal(copyAppPackage('bad-schema', (m) => (m.name.short = 'x'.repeat(31))));
      expect(msg).toContain('is invalid');
      expect(msg).toContain('manifest.json: /name/short must NOT have more than 30 characters');
    });

    it('refuses a $schema that is not bundled (no silent network fetch)', async () => {
      const msg = await refusal(
        copyAppPackage('bad-version', (m) => {
          m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
          m.manifestVersion = '9.99';
        }),
      );
      expect(msg).toContain('is not bundled with @microsoft/app-manifest');
      expect(msg).toContain('v1.30');
    });

    it('refuses a coloured outline icon', async () => {
      const copy = copyAppPackage('bad-icon', () => undefined);
      const png = renderOutlineIcon();
      png.data.set([0, 0, 0, 255], 4 * 33);
      writeFileSync(join(copy, 'outline.png'), PNG.sync.write(png));
      expect(await refusal(copy)).toContain('outline.png: 1 pixel(s) are neither transparent nor white');
    });

    it('refuses a missing localization file', async () => {
      const copy = copyAppPackage('bad-loc', (m) => (m.localizationInfo.additionalLanguages[0].file = 'fr-fr.json'));
      expect(await refusal(copy)).toMatch(/Localization file not found: .*fr-fr\.json/);
    });
  });
});
