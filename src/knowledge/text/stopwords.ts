/** Words that carry no meaning for finding a glossary term: question phrasing, articles, pronouns, prepositions. */
import { foldBasic, foldGerman } from './normalize.js';

const DE = `was ist sind war bedeutet bedeuten bedeutung heisst heissen heist steht stehen wofur fur erklar erklare erklaren
  mir mich mal bitte ein eine einen einem einer eines der die das den dem des und oder wie wer wen wem welche welcher welches
  welchen welchem nennt nennen nenne man versteht verstehen versteh unter im in am an auf bei mit von vom zu zum zur es sich
  wir ich du sie er uns unser unsere unseren unserer dann denn also genau eigentlich macht machen gibt gib zeig zeige sag sage
  kannst kann konnen beschreibt beschreiben begriff begriffe definition definiere bezeichnung bezeichnet meint meinen gemeint
  damit dabei hat haben hast wird werden wurde nach aus als so noch nur ob dass wenn bis um funktioniert funktionieren
  eigentlich genau kurz worin unterscheiden unterscheidet unterschied unterschiede zwischen vs versus bzw ab sein seine
  ihr ihre ihren dieser diese dieses diesen hier da dort etwa gleich
  aber alle allem allen aller alles auch bin bist dies doch durch einig einige einigem einigen einiger einiges einmal
  ihn ihm etwas euer eure gegen gewesen hab habe hatte hatten hin hinter indem ins jede jedem jeden jeder jedes jene jetzt
  kein keine keinem keinen keiner keines konnte manche mein meine meinem meinen meiner muss musste nicht nichts nun ohne
  sehr selbst solche soll sollte sondern sonst uber viel vor wahrend waren weg weil weiter werde will wirst wo wollen wollte
  wurde wurden zwar erst kommt kommen bekommen bekommt finden findet geht gehen
  abkurzung abkurzungen wort worter ausdruck fachbegriff
  hey hallo hi moin servus kurze frage fragen nochmal nochmals wieder sagen brauchen brauche braucht brauchst wann
  zahlt zahlen gilt gelten uberhaupt denn ja eben halt grad gerade schnell wozu warum wieso weshalb sorry dumme blode dient dienen`;

const EN = `what whats is are was were does do did mean means meaning stand stands for a an the of to in on at by with and or
  tell me explain please define definition who whom which how call called term name we you i it its this that these those be
  been being has have had there about s our us can could would should my your difference differences between vs versus
  differ differs compared compare against from as than also just exactly short briefly
  am any both but each few further he her here hers him his if into itself more most no nor not off once only other own same
  she so some such then they their them too under until up very where while whom why will yourself get gets
  abbreviation acronym word expression
  hey hello hi again pls plz quick question actually really count counts counted considered regarded when`;

// Both foldings, because German-folded tokens turn "does" into "dos".
const words = (list: string) =>
  new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => [foldGerman(w), foldBasic(w)]),
  );

export const STOPWORDS_DE = words(DE);
export const STOPWORDS_EN = words(EN);

/** Nouns that qualify rather than name a term ("HubSpot-Formular", "Midmarket-Kunde", "Small Business segment"). */
const QUALIFIER_WORDS = new Set([
  'hubspot',
  'kunde',
  'kunden',
  'customer',
  'customers',
  'segment',
  'modell',
  'model',
  'marketing',
  'system',
]);

/** Nouns asking for an aspect of a named term ("Grenzen", "Kriterien", "Umsatzgrenze", "threshold"), also at a compound's end. */
const ASPECT =
  /(grenze|grenzen|schwelle|schwellen|schwellenwert|schwellenwerte|kriterium|kriterien|voraussetzung|voraussetzungen|bedingung|bedingungen|anforderung|anforderungen|regel|regeln)$|^(limit|limits|threshold|thresholds|criteria|criterion|requirement|requirements|rule|rules|boundary|boundaries)$/;

/** A word that qualifies the term a question names instead of naming one itself. */
export function isQualifier(token: string): boolean {
  return QUALIFIER_WORDS.has(token) || ASPECT.test(token);
}

/** The customer's company name appears in many definitions and tells nothing about a term. */
export const COMPANY_NAME_TOKENS = new Set(['all', 'for', 'one', 'group', 'gruppe']);

const listed = (token: string) => STOPWORDS_DE.has(token) || STOPWORDS_EN.has(token) || COMPANY_NAME_TOKENS.has(token);

/** A short function word typed with two letters swapped ("wsa" for "was", "waht" for "what"); only for a question's first words, as "form" is also "from". */
export function swappedStopword(token: string): boolean {
  if (token.length < 3 || token.length > 5) return false;
  for (let i = 0; i + 1 < token.length; i++)
    if (token[i] !== token[i + 1] && listed(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2)))
      return true;
  return false;
}

/** No meaning for retrieval: a stopword of either language or part of the customer's name. */
export function isStopword(token: string): boolean {
  return listed(token);
}
