import { describe, expect, it } from 'vitest';
import { signV1, signV3, verifyHubSpotSignature } from '../../src/hubspot/signature.js';
import { parseWebhookBatch } from '../../src/hubspot/webhook-events.js';

const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('HubSpot signature', () => {
  it('matches the published v1 and v3 test vectors', () => {
    expect(
      signV1(
        SECRET,
        '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]',
      ),
    ).toBe('232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de');
    expect(
      signV3(
        SECRET,
        'POST',
        'https://www.example.com/webhook_uri',
        '{"example_field":"example_value"}',
        '1700000000000',
      ),
    ).toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
  });

  const now = 1_800_000_000_000;
  const body = '[{"eventId":1}]';
  const base = 'https://bot.example.com';
  const v3 = (ts: number, sig?: string) => ({
    method: 'POST',
    url: '/api/hubspot/webhook?a=1',
    rawBody: body,
    headers: {
      'x-hubspot-signature-v3': sig ?? signV3(SECRET, 'POST', `${base}/api/hubspot/webhook?a=1`, body, String(ts)),
      'x-hubspot-request-timestamp': String(ts),
    },
  });

  it('accepts a fresh v3 signature over the public URI', () => {
    expect(verifyHubSpotSignature(v3(now - 1000), SECRET, base, now)).toEqual({ ok: true, version: 'v3' });
  });
  it('refuses a wrong signature, a stale and a future timestamp', () => {
    expect(verifyHubSpotSignature(v3(now, 'AAAA'), SECRET, base, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3(now - 5 * 60_000 - 1), SECRET, base, now)).toMatchObject({
      ok: false,
      reason: /older/,
    });
    expect(verifyHubSpotSignature(v3(now + 120_000), SECRET, base, now)).toMatchObject({ ok: false, reason: /future/ });
    expect(verifyHubSpotSignature(v3(now), 'other-secret', base, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3(now), SECRET, 'https://other.example.com', now).ok).toBe(false);
  });
  it('falls back to v1 only when the v3 headers are absent', () => {
    const v1 = {
      method: 'POST',
      url: '/x',
      rawBody: body,
      headers: { 'x-hubspot-signature': signV1(SECRET, body), 'x-hubspot-signature-version': 'v1' },
    };
    expect(verifyHubSpotSignature(v1, SECRET, base, now)).toEqual({ ok: true, version: 'v1' });
    const mixed = { ...v1, headers: { ...v1.headers, 'x-hubspot-request-timestamp': String(now) } };
    expect(verifyHubSpotSignature(mixed, SECRET, base, now).ok).toBe(false);
    expect(verifyHubSpotSignature({ ...v1, headers: {} }, SECRET, base, now)).toMatchObject({
      ok: false,
      reason: 'missing signature',
    });
  });
});

describe('webhook batch parsing', () => {
  const ev = {
    eventId: 1,
    subscriptionId: 2,
    portalId: 3,
    occurredAt: 4,
    subscriptionType: 'contact.propertyChange',
    objectId: 5,
    propertyName: 'hubspotscore',
    propertyValue: '80',
  };
  it('accepts eventType as well as subscriptionType', () => {
    const r = parseWebhookBatch(
      JSON.stringify([{ ...ev, subscriptionType: undefined, eventType: 'contact.creation' }]),
    );
    expect(r.ok && r.events[0]!.subscriptionType).toBe('contact.creation');
  });
  const use = (e: object) => {
    const r = parseWebhookBatch(JSON.stringify([{ eventId: 1, subscriptionId: 2, portalId: 3, occurredAt: 4, ...e }]));
    if (!r.ok) throw new Error(r.message);
    return { contactId: r.events[0]!.contactId, ignored: r.events[0]!.ignored };
  };
  it('finds the contact in both styles: classic contact.* and generic object.* with objectTypeId 0-1', () => {
    expect(
      use({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-1',
        objectId: 7,
        propertyName: 'lifecyclestage',
      }),
    ).toEqual({ contactId: '7', ignored: null });
    expect(use({ eventType: 'object.creation', objectTypeId: '0-1', objectId: 8 })).toEqual({
      contactId: '8',
      ignored: null,
    });
    expect(
      use({
        subscriptionType: 'object.merge',
        objectTypeId: '0-1',
        objectId: 9,
        primaryObjectId: 9,
        mergedObjectIds: [5],
        newObjectId: 10,
      }),
    ).toEqual({ contactId: '10', ignored: null });
    expect(use({ subscriptionType: 'contact.restore', objectId: 11 })).toEqual({ contactId: '11', ignored: null });
  });
  it('takes the contact end of an association change when objectId is absent', () => {
    expect(
      use({
        subscriptionType: 'contact.associationChange',
        associationType: 'CONTACT_TO_COMPANY',
        fromObjectId: 7,
        toObjectId: 201,
      }),
    ).toEqual({ contactId: '7', ignored: null });
    expect(
      use({
        subscriptionType: 'contact.associationChange',
        associationType: 'COMPANY_TO_CONTACT',
        fromObjectId: 201,
        toObjectId: 7,
      }),
    ).toEqual({ contactId: '7', ignored: null });
    expect(
      use({
        subscriptionType: 'object.associationChange',
        fromObjectTypeId: '0-2',
        fromObjectId: 201,
        toObjectTypeId: '0-1',
        toObjectId: 8,
      }),
    ).toEqual({ contactId: '8', ignored: null });
    expect(
      use({
        subscriptionType: 'object.associationChange',
        fromObjectTypeId: '0-2',
        fromObjectId: 201,
        toObjectTypeId: '0-3',
        toObjectId: 9,
      }),
    ).toEqual({ contactId: null, ignored: 'not_a_contact' });
  });
  it('names why an event is not evaluated: another object type, a change that cannot make an MQL, no contact id', () => {
    expect(use({ subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: 201 })).toEqual({
      contactId: null,
      ignored: 'not_a_contact',
    });
    expect(use({ subscriptionType: 'company.creation', objectId: 201 })).toEqual({
      contactId: null,
      ignored: 'not_a_contact',
    });
    expect(use({ subscriptionType: 'company.deletion', objectId: 7 })).toEqual({
      contactId: null,
      ignored: 'not_a_contact',
    });
    expect(use({ subscriptionType: 'object.privacyDeletion', objectTypeId: '0-2', objectId: 7 })).toEqual({
      contactId: null,
      ignored: 'not_a_contact',
    });
    expect(use({ subscriptionType: 'contact.privacyDeletion' })).toEqual({ contactId: null, ignored: 'no_contact_id' });
    expect(use({ subscriptionType: 'contact.newMessage', objectId: 7 })).toEqual({
      contactId: null,
      ignored: 'not_a_trigger',
    });
    expect(use({ subscriptionType: 'contact.creation' })).toEqual({ contactId: null, ignored: 'no_contact_id' });
  });
  it('reads a (privacy) deletion of a contact, in both styles, as an erasure of that contact, not an evaluation', () => {
    const erase = (e: object) => {
      const r = parseWebhookBatch(
        JSON.stringify([{ eventId: 1, subscriptionId: 2, portalId: 3, occurredAt: 4, ...e }]),
      );
      if (!r.ok) throw new Error(r.message);
      return { contactId: r.events[0]!.contactId, erase: r.events[0]!.erase, ignored: r.events[0]!.ignored };
    };
    expect(erase({ subscriptionType: 'contact.privacyDeletion', objectId: 7 })).toEqual({
      contactId: null,
      erase: { contactId: '7', reason: 'privacy_deletion' },
      ignored: null,
    });
    expect(erase({ subscriptionType: 'object.privacyDeletion', objectTypeId: '0-1', objectId: 8 })).toEqual({
      contactId: null,
      erase: { contactId: '8', reason: 'privacy_deletion' },
      ignored: null,
    });
    expect(erase({ subscriptionType: 'contact.deletion', objectId: 9 })).toMatchObject({
      erase: { contactId: '9', reason: 'deletion' },
    });
    expect(erase({ subscriptionType: 'object.deletion', objectTypeId: '0-1', objectId: 10 })).toMatchObject({
      erase: { contactId: '10', reason: 'deletion' },
    });
    expect(erase({ subscriptionType: 'contact.creation', objectId: 11 }).erase).toBeNull();
  });
  it('gives the same key but a different fingerprint to distinct events sharing an eventId', () => {
    const r = parseWebhookBatch(JSON.stringify([ev, { ...ev, objectId: 6 }]));
    if (!r.ok) throw new Error(r.message);
    expect(r.events[0]!.dedupeKey).toBe(r.events[1]!.dedupeKey);
    expect(r.events[0]!.fingerprint).not.toBe(r.events[1]!.fingerprint);
  });
  it.each([
    ['not json', /not valid JSON/],
    ['{}', /Expected array/],
    ['[]', /empty/],
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
