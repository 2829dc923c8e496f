/** The card action table: one handler per verb, checked when it is built and when the types are checked. */
import { describe, expect, it } from 'vitest';
import type { ActionGroup } from '../../src/bot/card-actions/action.js';
import { glossaryActions } from '../../src/bot/card-actions/glossary.js';
import { registerCardActions } from '../../src/bot/card-actions/index.js';
import { leadActions } from '../../src/bot/card-actions/lead.js';
import { reassignActions } from '../../src/bot/card-actions/reassign.js';
import { ACTIONS, actionTable, type CoversEveryVerb, runCardAction } from '../../src/bot/card-actions/table.js';
import { execute } from '../../src/cards/actions.js';
import { ALL_VERBS } from '../../src/cards/verbs.js';

const nobody = async () => {
  throw new Error('the actor is not needed for this');
};

describe('card action table', () => {
  it('has exactly one handler for every verb a card can send', () => {
    expect([...ACTIONS.keys()].sort()).toEqual([...ALL_VERBS].sort());
  });

  it('a verb handled twice, a verb no card sends, or a verb left out fails when the table is built', () => {
    expect(() =>
      actionTable([leadActions, reassignActions, glossaryActions, { 'lead.nudge': reassignActions['lead.nudge'] }]),
    ).toThrow('card action registered twice: lead.nudge');
    expect(() =>
      actionTable([
        leadActions,
        reassignActions,
        glossaryActions,
        { 'lead.explode': leadActions['lead.accept'] } as ActionGroup,
      ]),
    ).toThrow('card action for a verb no card sends: lead.explode');
    expect(() => actionTable([leadActions])).toThrow(
      'card verbs without a handler: lead.reassign, lead.nudge, glossary.explain',
    );
  });

  it('a missing handler or an unknown verb on a button does not compile', () => {
    const complete: CoversEveryVerb<[typeof leadActions, typeof reassignActions, typeof glossaryActions]> = true;
    // @ts-expect-error lead.reassign, lead.nudge and glossary.explain have no handler
    const partial: CoversEveryVerb<[typeof leadActions]> = true;
    // @ts-expect-error no handler takes this verb, so no card may send it
    const button = () => execute('Explode', 'lead.explode', {});
    expect([complete, partial, typeof button]).toEqual([true, true, 'function']);
  });

  it('registers each verb once, by its plain name, as Action.Execute and as the Action.Submit fallback', () => {
    const execute: unknown[] = [];
    const submit: unknown[] = [];
    const app = {
      adaptiveCards: { actionExecute: (v: unknown) => execute.push(v), actionSubmit: (v: unknown) => submit.push(v) },
    };
    registerCardActions(app as any, {} as any);
    expect(execute).toEqual([...ACTIONS.keys()]);
    expect(submit).toEqual([...ACTIONS.keys()]);
    expect(new Set(execute).size).toBe(ALL_VERBS.length);
  });

  it('refuses invalid data with a message naming the field, before anyone is looked up', async () => {
    const deps = {} as any; // nothing is read: the data fails first
    expect(
      await runCardAction(deps, 'lead.accept', { locale: 'en', actor: nobody }, { leadId: 'not-a-uuid', v: 1 }),
    ).toMatch(/^The input was invalid: leadId – /);
    expect(
      await runCardAction(
        deps,
        'lead.reject',
        { locale: 'de', actor: nobody },
        { leadId: crypto.randomUUID(), reason: 'because' },
      ),
    ).toMatch(/^Die Eingabe war ungültig: reason – /);
    expect(
      await runCardAction(deps, 'lead.reassign', { locale: 'de', actor: nobody }, { leadId: crypto.randomUUID() }),
    ).toMatch(/^Die Eingabe war ungültig: v – /);
  });
});
