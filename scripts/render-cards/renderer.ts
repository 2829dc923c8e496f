/**
 * Renders Adaptive Cards to PNG with the official `adaptivecards` JS renderer in headless Chromium.
 *
 *   const results = await renderCards([{ name: 'lead-mql', card }], { outDir: 'docs/cards' });
 *
 * Per card: parse with a SerializationContext (collecting its events), validateProperties(), render(),
 * then screenshot the card's frame to `<outDir>/<name>.png`. Parse/validation events become issues:
 *
 *   error    anything the renderer complains about, except …
 *   warning  an unknown element/action type whose every occurrence carries a `fallback` (Teams-only
 *            elements such as Chart.VerticalBar / Chart.Donut: the renderer shows the fallback, as
 *            designed), and the Hint / Deprecated events.
 *
 * The page never touches the network: the renderer bundle and CSS are injected as text, and every
 * request that is not data:/about:/blob: or to localhost is aborted (and reported as a warning).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.js';
import { PAGE_CSS, TEAMS_LIGHT_HOST_CONFIG } from './host-config.js';
import { readPngSize } from './png.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export type CardLocale = 'de' | 'en';

export interface CardToRender {
  /** File name without `.png`; letters, digits, `-` and `_`. */
  name: string;
  card: object;
  /** Browser locale while rendering (Input.Date shows dates in it). Default 'de'. */
  locale?: CardLocale;
}

export interface CardIssue {
  severity: 'error' | 'warning';
  phase: 'parse' | 'validation' | 'render' | 'network' | 'budget';
  event: string;
  message: string;
}

export interface RenderedCard {
  name: string;
  /** Written PNG, or null when the card could not be rendered at all. */
  file: string | null;
  width: number;
  height: number;
  bytes: number;
  ms: number;
  issues: CardIssue[];
  /** Element/action types the renderer replaced by their `fallback`. */
  fallbacks: string[];
}

export interface RenderOptions {
  outDir: string;
  /** Card width in CSS pixels (the frame, border included). Default 500. */
  width?: number;
  /** IANA time zone of the browser. Default Europe/Berlin. */
  timeZone?: string;
  chromiumPath?: string;
  /** A PNG larger than this is reported as an error. Default 150 KB. */
  maxBytes?: number;
  hostConfig?: object;
}

const require = createRequire(import.meta.url);
const AC_DIST = join(dirname(require.resolve('adaptivecards/package.json')), 'dist');

/**
 * In-page helper, as a string: tsx/esbuild may add `__name()` calls to functions it compiles, which would
 * break if such a function were serialised into the page with page.evaluate.
 */
const PAGE_SCRIPT = `
window.__lbRender = function (payload) {
  var AC = window.AdaptiveCards;
  var stage = document.getElementById('stage');
  stage.innerHTML = '';
  var issues = [];
  var name = function (en, v) { return (en && en[v]) || String(v); };
  var push = function (phase, ev) { issues.push({ phase: phase, event: name(AC.ValidationEvent, ev.event), message: String(ev.message) }); };
  var card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(payload.hostConfig);
  var ctx = new AC.SerializationContext();
  try {
    card.parse(payload.card, ctx);
  } catch (e) {
    issues.push({ phase: 'parse', event: 'Exception', message: String((e && e.stack) || e) });
    return { issues: issues, rendered: false };
  }
  for (var i = 0; i < ctx.eventCount; i++) push('parse', ctx.getEventAt(i));
  try {
    var results = card.validateProperties();
    for (var j = 0; j < results.validationEvents.length; j++) push('validation', results.validationEvents[j]);
  } catch (e) {
    issues.push({ phase: 'validation', event: 'Exception', message: String((e && e.stack) || e) });
  }
  var el;
  try {
    el = card.render();
  } catch (e) {
    issues.push({ phase: 'render', event: 'Exception', message: String((e && e.stack) || e) });
  }
  if (!el) {
    issues.push({ phase: 'render', event: 'NothingRendered', message: 'AdaptiveCard.render() returned nothing' });
    return { issues: issues, rendered: false };
  }
  stage.appendChild(el);
  return { issues: issues, rendered: true };
};
`;

const pageHtml = (width: number, lang: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>card</title></head>
<body><div id="frame" style="width:${width}px"><div id="stage"></div></div></body></html>`;

const LOCAL = /^(data:|about:|blob:|https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/)/i;

/** Types (`"type": "X"`) named by an unknown-type event, and whether every node of that type has a fallback. */
function everyNodeHasFallback(card: unknown, type: string): boolean {
  let found = 0;
  let withFallback = 0;
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    const o = n as Record<string, unknown>;
    if (o.type === type) {
      found++;
      if (o.fallback !== undefined && o.fallback !== null) withFallback++;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found > 0 && found === withFallback;
}

function classify(card: object, raw: Array<Omit<CardIssue, 'severity'>>): { issues: CardIssue[]; fallbacks: string[] } {
  const fallbacks = new Set<string>();
  const issues = raw.map((i): CardIssue => {
    if (i.event === 'UnknownElementType' || i.event === 'UnknownActionType') {
      const type = /"([^"]+)"/.exec(i.message)?.[1];
      if (type && everyNodeHasFallback(card, type)) {
        fallbacks.add(type);
        return {
          ...i,
          severity: 'warning',
          message: `${i.message} (it has one: shown instead – expected for Teams-only types)`,
        };
      }
      return { ...i, severity: 'error', message: `${i.message} (no fallback on every occurrence)` };
    }
    if (i.event === 'Hint' || i.event === 'Deprecated') return { ...i, severity: 'warning' };
    return { ...i, severity: 'error' };
  });
  return { issues, fallbacks: [...fallbacks] };
}

export class CardRenderer {
  private browser: Browser | null = null;
  private pages = new Map<CardLocale, { context: BrowserContext; page: Page }>();
  private blocked: string[] = [];
  private pageErrors: string[] = [];
  private readonly acJs = readFileSync(join(AC_DIST, 'adaptivecards.js'), 'utf8');
  private readonly acCss = readFileSync(join(AC_DIST, 'adaptivecards.css'), 'utf8');

  constructor(private readonly opts: RenderOptions) {}

  async start(): Promise<void> {
    this.browser ??= await chromium.launch({
      executablePath: this.opts.chromiumPath ?? CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }

  private async pageFor(locale: CardLocale): Promise<Page> {
    const have = this.pages.get(locale);
    if (have) return have.page;
    await this.start();
    const width = this.opts.width ?? 500;
    const context = await this.browser!.newContext({
      viewport: { width: width + 40, height: 900 },
      deviceScaleFactor: 1,
      locale: locale === 'de' ? 'de-DE' : 'en-US',
      timezoneId: this.opts.timeZone ?? 'Europe/Berlin',
      serviceWorkers: 'block',
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOCAL.test(url)) return route.continue();
      this.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => this.pageErrors.push(String(e.message)));
    await page.setContent(pageHtml(width, locale));
    await page.addStyleTag({ content: this.acCss });
    await page.addStyleTag({ content: PAGE_CSS });
    await page.addScriptTag({ content: this.acJs });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    const ok = await page.evaluate(
      'typeof window.AdaptiveCards === "object" && typeof window.__lbRender === "function"',
    );
    if (!ok) throw new Error(`adaptivecards bundle did not load from ${AC_DIST}/adaptivecards.js`);
    this.pages.set(locale, { context, page });
    return page;
  }

  async render(item: CardToRender): Promise<RenderedCard> {
    if (!/^[A-Za-z0-9_-]+$/.test(item.name)) throw new Error(`bad card name ${JSON.stringify(item.name)}`);
    const started = performance.now();
    const page = await this.pageFor(item.locale ?? 'de');
    this.blocked = [];
    this.pageErrors = [];
    const payload = { card: item.card, hostConfig: this.opts.hostConfig ?? TEAMS_LIGHT_HOST_CONFIG };
    const out = (await page.evaluate(`window.__lbRender(${JSON.stringify(payload)})`)) as {
      issues: Array<Omit<CardIssue, 'severity'>>;
      rendered: boolean;
    };
    const { issues, fallbacks } = classify(item.card, out.issues);
    const result: RenderedCard = {
      name: item.name,
      file: null,
      width: 0,
      height: 0,
      bytes: 0,
      ms: 0,
      issues,
      fallbacks,
    };
    if (out.rendered) {
      await page.evaluate('document.fonts.ready.then(() => true)');
      mkdirSync(this.opts.outDir, { recursive: true });
      const file = resolve(this.opts.outDir, `${item.name}.png`);
      const png = await page
        .locator('#frame')
        .screenshot({ path: file, animations: 'disabled', caret: 'hide', scale: 'css', type: 'png' });
      const size = readPngSize(png);
      Object.assign(result, { file, width: size.width, height: size.height, bytes: statSync(file).size });
      const max = this.opts.maxBytes ?? 150 * 1024;
      if (result.bytes > max)
        issues.push({
          severity: 'error',
          phase: 'budget',
          event: 'TooLarge',
          message: `${result.bytes} bytes > ${max} bytes`,
        });
    }
    for (const url of this.blocked)
      issues.push({ severity: 'warning', phase: 'network', event: 'Blocked', message: `request blocked: ${url}` });
    for (const m of this.pageErrors)
      issues.push({ severity: 'error', phase: 'render', event: 'PageError', message: m });
    result.ms = Math.round(performance.now() - started);
    return result;
  }

  async close(): Promise<void> {
    for (const { context } of this.pages.values()) await context.close().catch(() => {});
    this.pages.clear();
    await this.browser?.close();
    this.browser = null;
  }
}

/** Renders all cards with one browser; never throws for a bad card (see each result's issues). */
export async function renderCards(cards: CardToRender[], opts: RenderOptions): Promise<RenderedCard[]> {
  const renderer = new CardRenderer(opts);
  try {
    const results: RenderedCard[] = [];
    for (const c of cards) results.push(await renderer.render(c));
    return results;
  } finally {
    await renderer.close();
  }
}

export const hasErrors = (r: RenderedCard) => r.issues.some((i) => i.severity === 'error');
