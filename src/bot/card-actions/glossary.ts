import { z } from 'zod';
import { findGlossaryEntry } from '../../domain/glossary/index.js';
import { definitionText, headline } from '../../knowledge/labels.js';
import { renderLead } from '../../services/lead/view.js';
import { getLead } from '../../store/leads-repo.js';
import { type ActionGroup, defineAction } from './action.js';

/** The data of „Was heißt das?“: the lead whose card asks, and the glossary entry it names. */
const ExplainData = z.object({
  leadId: z.string().uuid(),
  term: z
    .string()
    .max(80)
    .refine((id) => !!findGlossaryEntry(id), 'not a glossary term'),
});

/** Glossary terms on a card explained in place: the same card again, with the glossary's answer in it. */
export const glossaryActions = {
  'glossary.explain': defineAction({
    data: ExplainData,
    async run(deps, { locale }, d) {
      const lead = await getLead(deps.store.db, d.leadId);
      if (lead) return renderLead(deps, lead, locale, { explain: d.term });
      // The card's lead is gone (e.g. erased): the answer still comes, as a message.
      const e = findGlossaryEntry(d.term)!;
      const [name, text] = [headline(e, locale), definitionText(e, locale)];
      return text.startsWith(`${name}:`) ? text : `${name}: ${text}`;
    },
  }),
} satisfies ActionGroup;
