import { describe, expect, it } from 'vitest';
import { signV1, signV3, verifyHubSpotSignature } from '../../src/hubspot/signature.js';
import { parseWebhookBatch } from '../../src/hubspot/webhook-events.js';

const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('HubSpot signature', () => {
  it('matches the published v1 and v3 test vectors', () => {
    expect(signV1(SECRET, '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]'))
      .toBe('232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de');
    expect(signV3(SECRET, 'POST', 'https://www.example.com/webhook_uri', '{"example_field":"example_value"}', '1700000000000'))
      .toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
  });

  const now = 1_800_000_000_000;
  const body = '[{"eventId":1}]';
  const base = 'https://bot.example.com';
  const v3 = (ts: number, sig?: string) => ({
    method: 'POST', url: '/api/hubspot/webhook?a=1', rawBody: body,
    headers: { 'x-hubspot-signature-v3': sig ?? signV3(SECRET, 'POST', `${base}/api/hubspot/webhook?a=1`, body, String(ts)), 'x-hubspot-request-timestamp': String(ts) },
  });

  it('accepts a fresh v3 signature over the public URI', () => {
    expect(verifyHubSpotSignature(v3(now - 1000), SECRET, base, now)).toEqual({ ok: true, version: 'v3' });
  });
  it('refuses a wrong signature, a stale and a future timestamp', () => {
    expect(verifyHubSpotSignature(v3(now, 'AAAA'), SECRET, base, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3(now - 5 * 60_000 - 1), SECRET, base, now)).toMatchObject({ ok: false, reason: /older/ });
    expect(verifyHubSpotSignature(v3(now + 120_000), SECRET, base, now)).toMatchObject({ ok: false, reason: /future/ });
    expect(verifyHubSpotSignature(v3(now), 'other-secret', base, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3(now), SECRET, 'https://other.example.com', now).ok).toBe(false);
  });
  it('falls back to v1 only when the v3 headers are absent', () => {
    const v1 = { method: 'POST', url: '/x', rawBody: body, headers: { 'x-hubspot-signature': signV1(SECRET, body), 'x-hubspot-signature-version': 'v1' } };
    expect(verifyHubSpotSignature(v1, SECRET, base, now)).toEqual({ ok: true, version: 'v1' });
    const mixed = { ...v1, headers: { ...v1.headers, 'x-hubspot-request-timestamp': String(now) } };
    expect(verifyHubSpotSignature(mixed, SECRET, base, now).ok).toBe(false);
    expect(verifyHubSpotSignature({ ...v1, headers: {} }, SECRET, base, now)).toMatchObject({ ok: false, reason: 'missing signature' });
  });
});

describe('webhook batch parsing', () => {
  const ev = { eventId: 1, subscriptionId: 2, portalId: 3, occurredAt: 4, subscriptionType: 'contact.propertyChange', objectId: 5, propertyName: 'hubspotscore', propertyValue: '80' };
  it('accepts eventType as well as subscriptionType', () => {
    const r = parseWebhookBatch(JSON.stringify([{ ...ev, subscriptionType: undefined, eventType: 'contact.creation' }]));
    expect(r.ok && r.events[0]!.subscriptionType).toBe('contact.creation');
  });
  it('gives the same key but a different fingerprint to distinct events sharing an eventId', () => {
    const r = parseWebhookBatch(JSON.stringify([ev, { ...ev, objectId: 6 }]));
    if (!r.ok) throw new Error(r.message);
    expect(r.events[0]!.dedupeKey).toBe(r.events[1]!.dedupeKey);
    expect(r.events[0]!.fingerprint).not.toBe(r.events[1]!.fingerprint);
  });
  it.each([
    ['not json', /not valid JSON/], ['{}', /Expected array/], ['[]', /empty/],
    [JSON.stringify([{ ...ev, portalId: undefined }]), /at \[0\]\.portalId/],
    [JSON.stringify(Array(101).fill(ev)), /at most 100/],
    [JSON.stringify([{ ...ev, portalId: '99999999999999999999' }]), /\[0\]\.portalId: must be a number/],
    [JSON.stringify([{ ...ev, objectId: 2 ** 60 }]), /\[0\]\.objectId: is too large for an id/],
    [JSON.stringify([{ ...ev, attemptNumber: 2 ** 40 }]), /\[0\]\.attemptNumber/],
  ])('refuses %s with a clear message', (raw, msg) => {
    const r = parseWebhookBatch(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(msg);
  });
});
