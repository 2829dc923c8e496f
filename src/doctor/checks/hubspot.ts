/** HubSpot as LeadBridge needs it: a working token, the score property, the stages and statuses it writes, the roster's owners. */
import type { Config } from '../../config.js';
import { createPortalSetup, type PortalSetup, type PropertyDefinition } from '../../hubspot/portal-setup.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { loadRoster } from '../../roster/roster.js';
import { type Check, fail, listed, type Outcome, ok } from '../types.js';

type HubSpotConfig = Config['hubspot'];

/** What a failed HubSpot call means for the person running the checks; anything else is rethrown. */
function hubspotFailure(err: unknown): Outcome {
  if (!(err instanceof IntegrationError)) throw err;
  if (err.status === 401)
    return fail(
      'token rejected (401)',
      "copy the app's current access token (HubSpot: the app's Auth page) into HUBSPOT_ACCESS_TOKEN",
    );
  if (err.status === 403)
    return fail(
      `access denied (403): ${err.message}`,
      'give the app the scope the detail names (contacts read, schemas read, owners read) and install the new version',
    );
  if (err.code === 'NetworkError')
    return fail(
      err.message.replace(/^HubSpot /, ''),
      'check HUBSPOT_BASE_URL and the outbound network (proxy, firewall)',
    );
  return fail(err.message, 'see the detail; HubSpot status: https://status.hubspot.com');
}

/** A check that talks to HubSpot once the token works. */
function hubspotCheck(id: string, name: string, run: (signal: AbortSignal) => Promise<Outcome>): Check {
  return { id, name, needs: ['hubspot.token'], run: (signal) => run(signal).catch(hubspotFailure) };
}

const missingProperty = (name: string, variable?: string): Outcome =>
  fail(
    `contact property "${name}" does not exist`,
    variable
      ? `set ${variable} to the internal name of an existing contact property (HubSpot: Settings → Properties → the property → internal name)`
      : `create the contact property "${name}" in HubSpot or correct its name`,
  );

/** Every value in `wanted` (variable → value) is an option of the enumeration property `def`. */
function optionsOutcome(def: PropertyDefinition, wanted: Record<string, string>): Outcome {
  const values = def.options.map((o) => o.value);
  const missing = Object.entries(wanted).filter(([, v]) => !values.includes(v));
  if (missing.length) {
    return fail(
      `${def.name} has no option ${listed(missing.map(([k, v]) => `"${v}" (${k})`))}; its options: ${values.join(', ') || 'none'}`,
      `set ${listed(missing.map(([k]) => k))} to internal values of ${def.name}, or add the option in HubSpot (Settings → Properties → ${def.label ?? def.name})`,
    );
  }
  return ok(`${listed([...new Set(Object.values(wanted))].map((v) => `"${v}"`))} exist`);
}

function optionsCheck(
  portal: PortalSetup,
  id: string,
  name: string,
  property: string,
  wanted: Record<string, string>,
): Check {
  return hubspotCheck(id, name, async (signal) => {
    const def = await portal.contactProperty(property, signal);
    return def ? optionsOutcome(def, wanted) : missingProperty(property);
  });
}

export function hubspotChecks(
  h: HubSpotConfig,
  o: { clientSecret: string; rosterFile: string; rejectReasons: readonly string[]; portal?: PortalSetup },
): Check[] {
  const portal = o.portal ?? createPortalSetup({ accessToken: h.accessToken, baseUrl: h.baseUrl });
  const checks: Check[] = [
    {
      id: 'hubspot.secret',
      name: 'HubSpot webhook secret',
      run: async () =>
        o.clientSecret
          ? ok('HUBSPOT_CLIENT_SECRET is set (webhook signatures can be checked)')
          : fail(
              'HUBSPOT_CLIENT_SECRET is not set: every HubSpot webhook is refused',
              "copy the app's client secret (HubSpot: your app → Auth) into HUBSPOT_CLIENT_SECRET",
            ),
    },
    {
      id: 'hubspot.token',
      name: 'HubSpot token',
      async run(signal) {
        if (!h.accessToken)
          return fail('HUBSPOT_ACCESS_TOKEN is not set', "copy the app's access token into HUBSPOT_ACCESS_TOKEN");
        try {
          await portal.probe(signal);
          return ok(`accepted by ${h.baseUrl}`);
        } catch (err) {
          return hubspotFailure(err);
        }
      },
    },
    hubspotCheck('hubspot.score', 'HubSpot score property', async (signal) => {
      const def = await portal.contactProperty(h.scoreProperty, signal);
      if (!def) return missingProperty(h.scoreProperty, 'HUBSPOT_SCORE_PROPERTY');
      if (def.type !== 'number') {
        return fail(
          `"${def.name}" is of type ${def.type}, not a number: no contact would ever reach MQL_SCORE_THRESHOLD`,
          "set HUBSPOT_SCORE_PROPERTY to a number property (the lead-scoring tool's score)",
        );
      }
      return ok(`"${def.name}"${def.label ? ` (${def.label})` : ''} is a number property`);
    }),
    optionsCheck(portal, 'hubspot.stages', 'HubSpot lifecycle stages', 'lifecyclestage', {
      HUBSPOT_MQL_STAGE: h.stages.mql,
      HUBSPOT_SQL_STAGE: h.stages.sql,
      HUBSPOT_OPPORTUNITY_STAGE: h.stages.opportunity,
    }),
    optionsCheck(portal, 'hubspot.leadStatus', 'HubSpot lead status values', 'hs_lead_status', {
      HUBSPOT_STATUS_ACCEPTED: h.leadStatus.accepted,
      HUBSPOT_STATUS_REJECTED: h.leadStatus.rejected,
      HUBSPOT_STATUS_OPPORTUNITY: h.leadStatus.opportunity,
    }),
  ];
  const rejectProperty = h.rejectReasonProperty;
  if (rejectProperty) {
    checks.push(
      hubspotCheck('hubspot.rejectReason', 'HubSpot reject reason property', async (signal) => {
        const def = await portal.contactProperty(rejectProperty, signal);
        if (!def) return missingProperty(rejectProperty, 'HUBSPOT_REJECT_REASON_PROPERTY');
        if (def.type !== 'enumeration') return ok(`"${def.name}" exists (${def.type})`);
        return optionsOutcome(def, Object.fromEntries(o.rejectReasons.map((r) => [`REJECT_REASONS ${r}`, r])));
      }),
    );
  }
  checks.push({
    ...hubspotCheck('hubspot.owners', 'Roster members are HubSpot owners', async (signal) => {
      const roster = loadRoster(o.rosterFile);
      const owners = await portal.owners(signal);
      const emails = new Set(owners.map((x) => x.email).filter(Boolean));
      const members = [...new Set(roster.teams.flatMap((t) => t.members))];
      const missing = members.filter((m) => !emails.has(m));
      const teamIds = new Set(owners.flatMap((x) => x.teamIds));
      const emptyTeams = roster.teams.flatMap((t) =>
        t.hubspotTeamIds.filter((id) => !teamIds.has(id)).map((id) => `HubSpot team ${id} (${t.name})`),
      );
      const problems = [
        ...(missing.length ? [`not HubSpot owners: ${missing.join(', ')}`] : []),
        ...(emptyTeams.length ? [`no owner in ${listed(emptyTeams)}`] : []),
      ];
      if (problems.length) {
        return fail(
          problems.join('; '),
          'add the people as HubSpot users (Settings → Users & Teams) or correct ROSTER_FILE; a member who is no owner never gets a lead',
        );
      }
      const teams = roster.teams.reduce((n, t) => n + t.hubspotTeamIds.length, 0);
      return ok(
        `${members.length} listed member(s)${teams ? ` and ${teams} HubSpot team(s)` : ''} found among ${owners.length} owner(s)`,
      );
    }),
    needs: ['hubspot.token', 'roster'],
  });
  return checks;
}
