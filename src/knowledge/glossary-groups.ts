/** Names of the customer's entry families, so "Was ist ein Betreuungsmodell?" lists the family instead of guessing one. */
import type { GroupAlias } from './term-matcher.js';

export const GLOSSARY_GROUPS: GroupAlias[] = [
  { group: 'betreuungsmodell', aliases: ['Betreuungsmodell', 'Betreuungsmodelle', 'service model', 'coverage model'] },
  { group: 'kundensegment', aliases: ['Kundensegment', 'Segment', 'customer segment'] },
  {
    group: 'kundenklassifikation',
    aliases: ['Kundenklassifikation', 'Kundenklassifizierung', 'customer classification'],
  },
];
