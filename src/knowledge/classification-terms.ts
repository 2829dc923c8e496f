/** Classification results mapped to their glossary entries and display names. */
import type { Betreuungsmodell } from '../domain/classification/betreuungsmodell.js';
import type { Kundensegment } from '../domain/classification/kundensegment.js';

export const SEGMENT_TERM: Record<Kundensegment, string> = {
  SMALL_BUSINESS: 'kundensegment-small-business',
  MIDMARKET: 'kundensegment-midmarket',
  LARGE_ENTERPRISE: 'kundensegment-large-enterprise',
};

export const BETREUUNGSMODELL_TERM: Record<Betreuungsmodell, string> = {
  KEY_ACCOUNT: 'betreuungsmodell-key-account',
  NAMED_ACCOUNT: 'betreuungsmodell-named-account',
  SMART_ACCOUNT: 'betreuungsmodell-smart-account',
  SINGLE_ACCOUNT: 'betreuungsmodell-single-account',
};

export const BETREUUNGSMODELL_LABEL: Record<Betreuungsmodell, string> = {
  KEY_ACCOUNT: 'Key Account',
  NAMED_ACCOUNT: 'Named Account',
  SMART_ACCOUNT: 'Smart Account',
  SINGLE_ACCOUNT: 'Single Account',
};
