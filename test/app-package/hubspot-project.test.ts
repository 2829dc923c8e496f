/**
 * The HubSpot app shipped as code (`hubspot/`, a project for HubSpot's developer platform, uploaded with `hs project
 * upload`), checked against the documented file format and against what LeadBridge needs.
 *
 * The schemas below are written from HubSpot's documentation, as no schema package is installed here:
 * - developer docs "App configuration" (developers.hubspot.com/docs/apps/developer-platform/build-apps/app-configuration):
 *   project structure, `*-hsmeta.json` naming, uid rules, the app schema's required fields and limits, static auth
 *   "can only define required scopes";
 * - developer docs "Configure webhooks" (…/developer-platform/add-features/configure-webhooks): `settings.targetUrl`,
 *   `maxConcurrentRequests`, `subscriptions.crmObjects` / `legacyCrmObjects` / `hubEvents`;
 * - HubSpot/hubspot-project-components, 2025.2 templates (`defaultFiles/hsproject.json`,
 *   `components/app/static-private/src/app/app-hsmeta.json`, `components/webhooks/src/app/webhooks/webhooks-hsmeta.json`):
 *   fields inside `config`, `objectType` in crmObjects;
 * - changelog "Generic webhook subscriptions": the six `object.*` subscription types.
 * (`@hubspot/project-parsing-lib` on npm is what the CLI validates with; not installed here.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnvFile } from '../../scripts/package-app.js';
import { loadConfig } from '../../src/config.js';
import { parseWebhookBatch } from '../../src/hubspot/webhook-events.js';
import { type WebhookChange, webhookEvent } from '../standins/hubspot-webhooks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const project = join(root, 'hubspot');
const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

const ProjectSchema = z
  .object({
    name: z.string().min(1),
    srcDir: z.string().min(1),
    platformVersion: z.enum(['2025.2', '2026.03']),
  })
  .strict();

const uid = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'up to 64 letters, digits, _ - .');
const scopes = z.array(z.string().regex(/^[a-z0-9_.-]+$/));

const AppSchema = z
  .object({
    uid,
    type: z.literal('app'),
    config: z
      .object({
        name: z
          .string()
          .min(1)
          .max(200)
          .refine((s) => s.trim() === s, 'must not start or end with whitespace'),
        description: z.string().min(1).max(8192),
        distribution: z.enum(['private', 'marketplace']),
        auth: z
          .object({
            type: z.enum(['static', 'oauth']),
            requiredScopes: scopes.min(1),
            optionalScopes: scopes.default([]),
            conditionallyRequiredScopes: scopes.default([]),
            redirectUrls: z.array(z.string().url()).optional(),
          })
          .strict()
          .refine(
            (a) =>
              a.type === 'oauth' ||
              (a.optionalScopes.length === 0 && a.conditionallyRequiredScopes.length === 0 && !a.redirectUrls),
            'static auth defines required scopes only (no optional/conditional scopes, no redirect URLs)',
          ),
        permittedUrls: z
          .object({ fetch: z.array(z.string()), iframe: z.array(z.string()), img: z.array(z.string()) })
          .partial()
          .optional(),
        support: z.record(z.string()).optional(),
      })
      .strict()
      .refine((c) => c.distribution === 'private' || c.auth.type === 'oauth', 'marketplace apps use oauth'),
  })
  .strict();

const GENERIC_TYPES = ['creation', 'deletion', 'merge', 'restore', 'propertyChange', 'associationChange'] as const;
const CrmObjectSubscription = z
  .object({
    subscriptionType: z.enum(GENERIC_TYPES.map((t) => `object.${t}`) as [string, ...string[]]),
    objectType: z.string().min(1),
    propertyName: z.string().min(1).optional(),
    active: z.boolean(),
  })
  .strict()
  .refine(
    (s) => (s.subscriptionType === 'object.propertyChange') === (s.propertyName !== undefined),
    'propertyName is given for, and only for, object.propertyChange',
  );
const LegacySubscription = z
  .object({
    subscriptionType: z.string().regex(/^[a-z_]+\.[A-Za-z]+$/),
    propertyName: z.string().min(1).optional(),
    active: z.boolean(),
  })
  .strict();

const WebhooksSchema = z
  .object({
    uid,
    type: z.literal('webhooks'),
    config: z
      .object({
        settings: z
          .object({
            targetUrl: z
              .string()
              .url()
              .refine((u) => u.startsWith('https://'), 'must be a public https URL'),
            maxConcurrentRequests: z.number().int().positive(),
          })
          .strict(),
        subscriptions: z
          .object({
            crmObjects: z.array(CrmObjectSubscription).optional(),
            legacyCrmObjects: z.array(LegacySubscription).optional(),
            hubEvents: z.array(LegacySubscription).optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

/** Every `*-hsmeta.json` below `dir`, relative to the project's src. */
function hsmetaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return hsmetaFiles(p);
    return p.endsWith('.json') ? [p] : [];
  });
}

const parse = <T>(schema: z.ZodType<T>, file: string): T => {
  const r = schema.safeParse(readJson(file));
  if (!r.success)
    throw new Error(
      `${relative(root, file)}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return r.data;
};

describe('HubSpot app as code (hubspot/)', () => {
  const hsproject = parse(ProjectSchema, join(project, 'hsproject.json'));
  const src = join(project, hsproject.srcDir);
  const app = parse(AppSchema, join(src, 'app/app-hsmeta.json'));
  const webhooks = parse(WebhooksSchema, join(src, 'app/webhooks/webhook-hsmeta.json'));
  const contactSubscriptions = (webhooks.config.subscriptions.crmObjects ?? []).filter(
    (s) => s.objectType === 'contact' && s.active,
  );

  it('has the documented project layout: every config file is a *-hsmeta.json at the root of its feature folder, uids unique', () => {
    const files = hsmetaFiles(join(src, 'app')).map((f) => relative(src, f));
    expect(files.sort()).toEqual(['app/app-hsmeta.json', 'app/webhooks/webhook-hsmeta.json']);
    for (const f of files) {
      const { type } = readJson(join(src, f)) as { type: string };
      expect({ f, folder: dirname(f).split('/').pop() }).toEqual({ f, folder: type === 'app' ? 'app' : type });
    }
    expect(app.uid).not.toBe(webhooks.uid);
  });

  it('is a private app with a static token and the scopes LeadBridge uses', () => {
    expect(app.config.distribution).toBe('private');
    expect(app.config.auth.type).toBe('static');
    expect(new Set(app.config.auth.requiredScopes)).toEqual(
      new Set([
        'crm.objects.contacts.read',
        'crm.objects.contacts.write', // read contacts, write stage/status, notes on contacts
        'crm.objects.companies.read', // enrichment and company search
        'crm.objects.owners.read', // owner lookup, roster check
        'crm.schemas.contacts.read', // the score property and option checks
      ]),
    );
  });

  it("sends webhooks to LeadBridge's webhook route, in the generic style, with every contact change LeadBridge evaluates", () => {
    expect(new URL(webhooks.config.settings.targetUrl).pathname).toBe('/api/hubspot/webhook');
    expect(webhooks.config.settings.maxConcurrentRequests).toBeLessThanOrEqual(10); // HubSpot's most
    expect(contactSubscriptions.map((s) => s.propertyName ?? s.subscriptionType).sort()).toEqual([
      'hubspot_owner_id',
      'hubspotscore',
      'lifecyclestage',
      'object.associationChange',
      'object.creation',
      'object.deletion',
      'object.merge',
      'object.restore',
    ]);
    // Each subscription's events name a contact that LeadBridge evaluates or erases (none is acknowledged and then ignored).
    for (const s of contactSubscriptions) {
      const change = s.subscriptionType.split('.')[1] as WebhookChange;
      const e = webhookEvent(
        'generic',
        change,
        { type: 'contact', id: 1001 },
        {
          portalId: 1,
          propertyName: s.propertyName,
          propertyValue: '1',
          merge: { primaryObjectId: 1001, mergedObjectIds: [1002] },
          association: { from: { type: 'contact', id: 1001 }, to: { type: 'company', id: 201 } },
        },
      );
      const parsed = parseWebhookBatch(JSON.stringify([e]));
      const used = parsed.ok ? (parsed.events[0]!.contactId ?? parsed.events[0]!.erase?.contactId) : parsed.message;
      expect({ s: s.subscriptionType, contactId: used }).toEqual({ s: s.subscriptionType, contactId: '1001' });
    }
  });

  it("subscribes to HubSpot's GDPR delete of a contact (hubEvents contact.privacyDeletion), which LeadBridge erases", () => {
    // HubSpot docs "Configure webhooks" (developer platform): contact.privacyDeletion is a hubEvents subscription.
    expect(webhooks.config.subscriptions.hubEvents).toEqual([
      { subscriptionType: 'contact.privacyDeletion', active: true },
    ]);
    const e = webhookEvent('classic', 'privacyDeletion', { type: 'contact', id: 1001 }, { portalId: 1 });
    const parsed = parseWebhookBatch(JSON.stringify([e]));
    expect(parsed.ok && parsed.events[0]!.erase).toEqual({ contactId: '1001', reason: 'privacy_deletion' });
  });

  it('subscribes to the score property LeadBridge reads (HUBSPOT_SCORE_PROPERTY in every env sample)', () => {
    const watched = contactSubscriptions
      .filter((s) => s.subscriptionType === 'object.propertyChange')
      .map((s) => s.propertyName);
    for (const name of ['dev', 'local', 'playground']) {
      const env = parseEnvFile(readFileSync(join(root, `env/.env.${name}`), 'utf8'));
      const score = loadConfig({ HUBSPOT_SCORE_PROPERTY: env.HUBSPOT_SCORE_PROPERTY }).hubspot.scoreProperty;
      expect({ name, score, watched: watched.includes(score) }).toEqual({ name, score, watched: true });
    }
  });

  it('the schemas refuse what HubSpot refuses', () => {
    const accepts = (schema: z.ZodTypeAny, value: unknown) => schema.safeParse(value).success;
    const good = readJson(join(src, 'app/app-hsmeta.json')) as any;
    expect(
      accepts(AppSchema, {
        ...good,
        config: { ...good.config, auth: { ...good.config.auth, optionalScopes: ['crm.lists.read'] } },
      }),
    ).toBe(false);
    expect(accepts(AppSchema, { ...good, uid: 'x'.repeat(65) })).toBe(false);
    const hooks = readJson(join(src, 'app/webhooks/webhook-hsmeta.json')) as any;
    expect(
      accepts(WebhooksSchema, {
        ...hooks,
        config: { ...hooks.config, settings: { ...hooks.config.settings, targetUrl: 'http://insecure.example.com/x' } },
      }),
    ).toBe(false);
    expect(
      accepts(WebhooksSchema, {
        ...hooks,
        config: {
          ...hooks.config,
          subscriptions: {
            crmObjects: [{ subscriptionType: 'object.propertyChange', objectType: 'contact', active: true }],
          },
        },
      }),
    ).toBe(false);
    expect(
      accepts(WebhooksSchema, {
        ...hooks,
        config: {
          ...hooks.config,
          subscriptions: {
            crmObjects: [{ subscriptionType: 'contact.creation', objectType: 'contact', active: true }],
          },
        },
      }),
    ).toBe(false);
  });
});
