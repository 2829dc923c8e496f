/**
 * German verb forms that Snowball leaves apart, brought back to one infinitive before stemming:
 *
 * - a particle separated to the end of its clause rejoins its verb: "spricht die Kunden an" → ansprechen,
 *   "findet … statt" → stattfinden;
 * - participles with "ge" after a separable particle: "angesprochen" → ansprechen, "abgestimmt" → abstimmen,
 *   "zugewiesener" → zuweisen;
 * - zu-infinitives: "anzusprechen" → ansprechen, "einzuholen" → einholen;
 * - strong verbs (ablaut) from a small table: "spricht", "anspricht", "gesprochen" → sprechen / ansprechen.
 *
 * Used by analyzeWords (definition-index.ts), so glossary text and questions go through it alike.
 *
 * No lexicon of German verbs is installed (snowball-stemmers only stems), so this is rules plus a table of
 * common strong and irregular verbs. The rules are conservative: a word that might be a noun ("Angebot",
 * "Zustand", "Eintritt", a capitalised "Stand" inside a clause) is left alone. Known limits:
 * - a weak verb with its particle attached and no "ge"/"zu" ("aufteilt") is not recognised (the ranker's
 *   prefix matching still finds "aufteil…");
 * - a separated particle finds a weak verb only in text that capitalises its nouns ("wir melden kunden an"
 *   stays apart; strong verbs from the table are found either way);
 * - past tense forms of strong verbs only count when a separated particle shows they are verbs.
 *
 * Works on folded tokens (foldGerman), so the tables are written folded: ä → a, ö → o, ü → u, ß → ss.
 */
import { foldGerman } from './normalize.js';
import { isStopword } from './stopwords.js';

/** Separable particles; a longer one is tried before its prefix ("zusammen…" before "zu…"). */
const PARTICLES = [
  'zusammen',
  'herunter',
  'zuruck',
  'vorbei',
  'voraus',
  'heraus',
  'herein',
  'hinaus',
  'weiter',
  'bereit',
  'voran',
  'durch',
  'statt',
  'fest',
  'fort',
  'hinzu',
  'hoch',
  'teil',
  'dar',
  'mit',
  'nach',
  'auf',
  'aus',
  'bei',
  'ein',
  'her',
  'hin',
  'los',
  'vor',
  'weg',
  'ab',
  'an',
  'um',
  'zu',
];
const PARTICLE_SET = new Set(PARTICLES);

/**
 * Strong and irregular verbs: infinitive, present forms (2nd/3rd person singular, where they differ from the
 * infinitive's stem), past forms, and the participle without "ge". Present forms marked with * are also
 * common nouns or adverbs ("halt", "Tritt") and only count next to a particle.
 */
const STRONG_VERBS = `
  sprechen:  spricht sprichst | sprach sprachen | sprochen
  nehmen:    nimmt nimmst | nahm nahmen | nommen
  geben:     gibt gibst | gab gaben | geben
  sehen:     sieht siehst | sah sahen | sehen
  kommen:    kommt | kam kamen | kommen
  gehen:     geht | ging gingen | gangen
  stehen:    steht | stand standen | standen
  finden:    findet | fand fanden | funden
  ziehen:    zieht | zog zogen | zogen
  bieten:    bietet | bot boten | boten
  rufen:     ruft | rief riefen | rufen
  schreiben: schreibt | schrieb schrieben | schrieben
  weisen:    weist | wies wiesen | wiesen
  greifen:   greift | griff griffen | griffen
  schliessen: schliesst | schloss schlossen | schlossen
  fallen:    fallt | fiel fielen | fallen
  halten:    halt* haltst | hielt hielten | halten
  lassen:    lasst | liess liessen | lassen
  laufen:    lauft | lief liefen | laufen
  tragen:    tragt | trug trugen | tragen
  laden:     ladt | lud luden | laden
  schlagen:  schlagt | schlug schlugen | schlagen
  treffen:   trifft | traf trafen | troffen
  werfen:    wirft | warf warfen | worfen
  werben:    wirbt | warb warben | worben
  lesen:     liest | las lasen | lesen
  treten:    tritt* | trat traten | treten
  heben:     hebt | hob hoben | hoben
  schieben:  schiebt | schob schoben | schoben
  bringen:   bringt | brachte brachten | bracht
  denken:    denkt | dachte dachten | dacht
  nennen:    nennt | nannte nannten | nannt
  kennen:    kennt | kannte kannten | kannt
  senden:    sendet | sandte sandten | sandt
  wenden:    wendet | wandte wandten | wandt
  bleiben:   bleibt | blieb blieben | blieben
  scheiden:  scheidet | schied schieden | schieden
  steigen:   steigt | stieg stiegen | stiegen
  helfen:    hilft | half halfen | holfen
  messen:    misst | mass massen | messen
  liegen:    liegt | lag lagen | legen
  binden:    bindet | band banden | bunden
  tun:       tut | tat taten | tan
  gelten:    gilt | galt galten | golten
  treiben:   treibt | trieb trieben | trieben
  fangen:    fangt | fing fingen | fangen
  stossen:   stosst | stiess stiessen | stossen
`;

interface StrongForms {
  /** present form → infinitive; usable on its own and after a particle */
  present: Map<string, string>;
  /** present or past form → infinitive; only where a separated particle marks the word as a verb */
  finite: Map<string, string>;
  /** participle without "ge" → infinitive */
  participle: Map<string, string>;
}

function parseStrongVerbs(table: string): StrongForms {
  const forms: StrongForms = { present: new Map(), finite: new Map(), participle: new Map() };
  for (const line of table.trim().split('\n')) {
    const [infinitive, rest] = line.split(':').map((s) => s.trim());
    const [present, past, participle] = rest.split('|').map((s) => s.trim().split(/\s+/).filter(Boolean));
    forms.finite.set(infinitive, infinitive); // also the plural: "wir rufen … an"
    for (const p of present) {
      const form = p.replace('*', '');
      if (!p.endsWith('*')) forms.present.set(form, infinitive);
      forms.finite.set(form, infinitive);
    }
    for (const p of past) forms.finite.set(p, infinitive);
    for (const p of participle) forms.participle.set(p, infinitive);
  }
  return forms;
}

const STRONG = parseStrongVerbs(STRONG_VERBS);

/** Auxiliaries and modals never take a separable particle's meaning. */
const AUXILIARIES = new Set(
  `ist sind war waren bin bist seid sein wird werden wurde wurden worden wirst werde hat haben hatte hatten hast habe
  kann konnen konnte konnten muss mussen musste mussten soll sollen sollte sollten will wollen wollte wollten darf durfen durfte mag mochte`.split(
    /\s+/,
  ),
);

/** Words after which the next word is no finite verb ("die typischen Kunden", "mit neuen Kunden"). */
const BEFORE_NON_VERB = new Set(
  `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
  dieser diese dieses diesen diesem jede jeder jedes jeden jedem sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer
  unser unsere unseren unserem unserer mit von vom zu zum zur bei beim auf aus in im an am fur uber unter nach vor durch ohne`.split(
    /\s+/,
  ),
);

/** "meiner Meinung nach", "der Reihe nach": a postposition after a noun with a bare dative/genitive article, no particle. */
const POSTPOSITION_ARTICLES = new Set([
  'meiner',
  'deiner',
  'seiner',
  'ihrer',
  'unserer',
  'eurer',
  'der',
  'dem',
  'allem',
  'aller',
]);

/** A clause ends at punctuation, a spaced dash or a line break. */
const CLAUSE_BREAK = /[.,;:!?()[\]{}"„“”«»…|\n]|\s[-–—]\s|[–—]/;
/** A clause also ends before and starts after a coordinating conjunction. */
const CONJUNCTIONS = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'sowie']);

/** Adjective endings a participle or gerundive may carry ("angesprochene", "abgestimmten"). */
const ADJECTIVE_ENDINGS = ['', 'e', 'en', 'em', 'er', 'es'];
/** Words that look like particle + ge + …t but are nouns ("Angebot", "Angesicht", "Vorgeschichte"). */
const NOT_PARTICIPLE_CORES = new Set(['bot', 'sicht', 'schicht', 'wicht', 'recht']);

/** Infinitive of a weak verb's stem: "meld" → melden, "ander" → andern, "wandel" → wandeln. */
function weakInfinitive(stem: string): string {
  return /[^aeiou](el|er)$/.test(stem) ? `${stem}n` : `${stem}en`;
}

/** The stem of a weak finite form: "meldet" → meld, "stimmt" → stimm, "stellten" → stell, "fasst" → fass. */
function weakStem(form: string): string | null {
  for (const ending of ['eten', 'ete', 'est', 'et', 'ten', 'te', 'st', 't', 'en', 'e', 'n']) {
    if (!form.endsWith(ending)) continue;
    // "fasst", "passt": 3rd person of a stem in -ss, not 2nd person of "fas".
    if (ending === 'st' && form.endsWith('sst')) continue;
    const stem = form.slice(0, -ending.length);
    return stem.length >= 3 && /[aeiouy]/.test(stem) ? stem : null;
  }
  return null;
}

/** Infinitive of a finite verb form (strong from the table, else weak by its ending). */
function finiteInfinitive(form: string): string | null {
  const strong = STRONG.finite.get(form);
  if (strong) return strong;
  const stem = weakStem(form);
  return stem ? weakInfinitive(stem) : null;
}

/** Infinitive of a participle core (what follows "ge"), adjective endings allowed: "sprochene" → sprechen, "stimmt" → stimmen. */
function participleInfinitive(core: string, allowWeak: boolean): string | null {
  for (const ending of ADJECTIVE_ENDINGS) {
    if (!core.endsWith(ending)) continue;
    const bare = core.slice(0, core.length - ending.length);
    const strong = STRONG.participle.get(bare);
    if (strong) return strong;
    if (!allowWeak || !bare.endsWith('t') || /(heit|keit|schaft)$/.test(bare)) continue;
    let stem = bare.slice(0, -1);
    // "-et" after d/t or a consonant + n/m: "gemeldet", "geordnet", "gerechnet".
    if (stem.endsWith('e') && /([dt]|[^aeiou][nm])$/.test(stem.slice(0, -1))) stem = stem.slice(0, -1);
    if (stem.length >= 3 && /[aeiouy]/.test(stem) && !NOT_PARTICIPLE_CORES.has(bare) && !NOT_PARTICIPLE_CORES.has(stem))
      return weakInfinitive(stem);
  }
  return null;
}

/** A single word's infinitive, without context: "angesprochen", "anzusprechen", "anspricht", "gesprochen", "spricht". */
export function verbLemma(token: string): string | null {
  for (const particle of PARTICLES) {
    if (!token.startsWith(particle) || token.length < particle.length + 4) continue;
    const rest = token.slice(particle.length);
    // zu-infinitive, also as gerundive: "anzusprechen", "anzusprechende"
    if (rest.startsWith('zu')) {
      // foldGerman reads "zue" as a transcribed ü ("weiterzuentwickeln" → "weiterzuntwickeln"): restore the "ent".
      const verb = rest.startsWith('zunt') ? `e${rest.slice(2)}` : rest.slice(2);
      const m = /^(.{2,}[^aeiou]e?n)(d(e[nmrs]?)?)?$/.exec(verb);
      if (m && /[aeiouy]/.test(m[1])) return particle + m[1];
    }
    // participle with "ge" after the particle: "angesprochen", "abgestimmt", "zugewiesener"
    if (rest.startsWith('ge')) {
      const infinitive = participleInfinitive(rest.slice(2), true);
      if (infinitive) return particle + infinitive;
    }
    // strong present form with its particle: "anspricht", "annimmt", "eintragt"
    const present = STRONG.present.get(rest);
    if (present) return particle + present;
  }
  // strong participle without a particle: "gesprochen", "gebracht" (weak "ge…t" is too often a noun: "Gesamt", "Geschaft")
  if (token.startsWith('ge') && token.length >= 5) {
    const infinitive = participleInfinitive(token.slice(2), false);
    if (infinitive) return infinitive;
  }
  return STRONG.present.get(token) ?? null;
}

export interface VerbAnalysis {
  /** The folded tokens, exactly as tokenizeDe(text) returns them. */
  tokens: string[];
  /**
   * Per token: the verb's infinitive (with its particle) where it differs from the token,
   * '' for a separated particle that was joined to its verb, undefined for anything else.
   */
  lemmas: Array<string | undefined>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SPLIT = /[^\p{L}\p{N}]+/u;

/** Tokenizes like tokenizeDe and finds the infinitive of separable and strong verb forms, rejoining separated particles. */
export function analyzeVerbsDe(text: string): VerbAnalysis {
  const folded = foldGerman(text);
  const tokens: string[] = [];
  const breakAfter: boolean[] = [];
  let previousEnd = -1;
  for (const m of folded.matchAll(WORD)) {
    if (tokens.length) breakAfter[tokens.length - 1] = CLAUSE_BREAK.test(folded.slice(previousEnd, m.index));
    tokens.push(m[0]);
    previousEnd = m.index + m[0].length;
  }
  if (tokens.length) breakAfter[tokens.length - 1] = true;

  // Letter case of the original words tells verbs from nouns, if the text uses it at all (folding lower-cases).
  const raw = text.split(SPLIT).filter(Boolean);
  const cased = raw.length === tokens.length && /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
  const lower = (i: number) => cased && /^\p{Ll}/u.test(raw[i]);
  const upper = (i: number) => cased && /^\p{Lu}/u.test(raw[i]);

  const lemmas = new Array<string | undefined>(tokens.length).fill(undefined);
  for (let i = 0; i < tokens.length; i++) {
    const particle = tokens[i];
    if (!PARTICLE_SET.has(particle) || i === 0 || upper(i) || tokens[i - 1] === 'bis') continue;
    if (!breakAfter[i] && !CONJUNCTIONS.has(tokens[i + 1])) continue;
    if (
      particle === 'nach' &&
      i >= 2 &&
      upper(i - 1) &&
      POSTPOSITION_ARTICLES.has(tokens[i - 2]) &&
      !BEFORE_NON_VERB.has(tokens[i - 3] ?? '')
    )
      continue;
    let start = i;
    while (start > 0 && !breakAfter[start - 1] && !CONJUNCTIONS.has(tokens[start - 1])) start--;
    // The finite verb is the clause's first verb-like word (German main clauses put it first or second).
    for (let k = start; k < i; k++) {
      const t = tokens[k];
      if (AUXILIARIES.has(t) || lemmas[k] !== undefined || /\d/.test(t)) continue;
      let infinitive: string | null = null;
      if (STRONG.finite.has(t)) {
        // A capitalised "Stand" or "Griff" inside a clause is a noun.
        if (k === start || !upper(k)) infinitive = STRONG.finite.get(t)!;
      } else if (
        lower(k) &&
        !isStopword(t) &&
        !PARTICLE_SET.has(t) &&
        t.length >= 4 &&
        !(k > 0 && BEFORE_NON_VERB.has(tokens[k - 1]))
      ) {
        infinitive = finiteInfinitive(t);
      }
      if (infinitive) {
        lemmas[k] = particle + infinitive;
        lemmas[i] = '';
        break;
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (lemmas[i] !== undefined || isStopword(tokens[i])) continue;
    // Capitalised inside a clause: a noun ("den Angeboten"), not the participle.
    if (upper(i) && i > 0 && !breakAfter[i - 1]) continue;
    const lemma = verbLemma(tokens[i]);
    if (lemma && lemma !== tokens[i]) lemmas[i] = lemma;
  }
  return { tokens, lemmas };
}
