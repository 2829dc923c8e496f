/**
 * Drive the Microsoft 365 Agents Playground UI with headless Chromium (playwright-core).
 *
 *   const browser = await launchBrowser();
 *   const chat = await openChat(pg.url, { browser });       // personal chat of pg.currentUser
 *   await chat.send('hallo');
 *   await chat.waitForText('Echo: hallo');
 *   const card = await chat.waitForCard('Neuer Lead');
 *   await chat.fillCardInput('Notiz', 'Rückruf morgen', { card });
 *   await chat.chooseCardOption('Grund', 'Kein Budget', { card });
 *   const res = await chat.clickCardButton(card, 'Annehmen');   // Action.Execute -> invoke response
 *   await chat.waitForCard('Angenommen von Alex Wilber');
 *
 * All selectors live in this file; see test/e2e/README.md for the DOM facts they rely on.
 */

import fs from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Request,
  type Route,
  selectors,
} from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/lib/chromium.js';
import { findUser, type PlaygroundRuntimeConfig, type PlaygroundUser } from './playground.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * Launch headless Chromium. playwright's launch() always uses a fresh temporary
 * --user-data-dir (it refuses a --user-data-dir arg; use launchPersistentContext for a fixed one).
 */
export async function launchBrowser(
  opts: { headless?: boolean; executablePath?: string; slowMo?: number } = {},
): Promise<Browser> {
  await registerSelectorEngines();
  return chromium.launch({
    executablePath: opts.executablePath ?? CHROMIUM_PATH,
    headless: opts.headless ?? true,
    slowMo: opts.slowMo,
    args: CHROMIUM_ARGS,
  });
}

// ---------------------------------------------------------------------------------------------
// selectors

/**
 * `lbpane=` selector engine: the conversation pane (messages + compose box) of the playground.
 * The UI has no landmark for it, so: the outermost ancestor of the compose editor that contains
 * neither the chat list (region "Chat and Teams Channel") nor the log panel ("Clear logs" button).
 * Written as a string because tsx/esbuild may inject `__name()` helpers into serialized functions.
 */
const PANE_ENGINE = `({
  queryAll(root) {
    const doc = root.ownerDocument || root;
    const editor = doc.querySelector('[role="textbox"][data-lexical-editor]');
    if (!editor) return [];
    const nav = doc.querySelector('[role="region"][aria-label="Chat and Teams Channel"]');
    const logs = doc.querySelector('button[title="Clear logs"]');
    let el = editor, best = null;
    while (el && el !== doc.body && el !== doc.documentElement) {
      if ((nav && el.contains(nav)) || (logs && el.contains(logs))) break;
      best = el;
      el = el.parentElement;
    }
    return best ? [best] : [];
  },
  query(root, selector) {
    return this.queryAll(root, selector)[0] || null;
  }
})`;

let enginesRegistered: Promise<void> | undefined;
function registerSelectorEngines(): Promise<void> {
  enginesRegistered ??= selectors.register('lbpane', { content: PANE_ENGINE }).catch((e: Error) => {
    if (!/already registered/i.test(e.message)) throw e;
  });
  return enginesRegistered;
}

/** Compose editor (Lexical) — card Input.Text fields are role=textbox too, so match the editor attribute. */
const EDITOR = '[role="textbox"][data-lexical-editor]';
/** Root element of every rendered Adaptive Card (AdaptiveCards JS renderer class). */
const CARD = '.ac-adaptiveCard';

// ---------------------------------------------------------------------------------------------
// types

export type ConversationKind = 'personal' | 'group' | 'channel';

export interface PlaygroundLogEntry {
  id: string;
  timestamp: number;
  /** 'message' | 'invoke' | 'installationUpdate' | 'conversationUpdate' | 'getConversationMember' | ... */
  activityName?: string;
  conversationId?: string;
  messageId?: string;
  /** 'Microsoft 365 Agents Playground' (to the bot) or 'User Application' (bot -> connector) */
  from?: string;
  to?: string;
  request?: { body?: any };
  response?: { statusCode?: number; body?: any };
  displayText?: string;
  type?: string; // 'text' for plain log lines, 'bot' for traffic
  level?: string;
}

export interface SentMessage {
  /** id of the message in the playground (numeric string, also `replyToId` of bot replies). */
  messageId: string;
  /** conversation id the bot sees (channel posts: `<channelId>;messageid=<id>`) */
  conversationId: string;
  timestamp: number;
}

export interface CardActionResult {
  kind: 'invoke' | 'submit';
  status: number;
  /** invoke: the bot's invoke response, e.g. {statusCode:200, type:'application/vnd.microsoft.card.adaptive', value:{...card}} */
  body: any;
  /** user id the action was sent as (see switchUser) */
  fromId: string;
}

export interface OpenChatOptions {
  /**
   * Act as this user for card actions (see Chat.switchUser). Default: the playground's signed-in
   * user. In the personal chat only the signed-in user exists — start another playground with
   * `startPlayground({ user })` for a second personal chat.
   */
  user?: string;
  /** 'Personal Chat' (default), 'Group Chat', or a channel: 'General' / 'Announcements' / 'My Team - General'. */
  conversation?: string;
  /** Share one Chromium between chats (each chat gets its own BrowserContext). Default: launch one and close it with the chat. */
  browser?: Browser;
  /** Timeout for opening the page and for the installation round-trip (default 60 s). */
  timeoutMs?: number;
  /** Default timeout for waits/actions of this chat (default 30 s). */
  defaultTimeoutMs?: number;
  viewport?: { width: number; height: number };
  /** Abort requests to non-local hosts (the UI loads Segoe UI fonts from a CDN). Default true. */
  blockExternal?: boolean;
}

export interface Chat {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly playgroundUrl: string;
  /** Playground config as the UI sees it (users, chats, team). */
  readonly config: PlaygroundRuntimeConfig['config'];
  /** The playground's signed-in user. */
  readonly me: PlaygroundUser;
  /** The user card actions are sent as (me unless switchUser was called). */
  readonly actingAs: PlaygroundUser;
  /** Currently opened conversation. */
  readonly conversation: { name: string; kind: ConversationKind; id: string };
  /** Every entry of the playground's log panel (traffic bot <-> playground), in arrival order. */
  readonly logs: PlaygroundLogEntry[];
  /** Page errors and console errors, for diagnostics. */
  readonly pageErrors: string[];

  /** Locator of the conversation pane (messages + compose box). */
  pane(): Locator;
  /** All Adaptive Cards in the pane. */
  cards(): Locator;
  /** Open a conversation from the left list; waits for the installation round-trip the first time. */
  openConversation(name: string): Promise<void>;
  /**
   * Type and send a message. Personal chat: always reaches the bot. Group chat / channel: the bot
   * only receives it when mentioned — `mention` defaults to true there. In a channel this starts a new post.
   */
  send(text: string, opts?: { mention?: boolean; timeoutMs?: number }): Promise<SentMessage>;
  /** Reply in the thread of the channel post containing `postText` (mentions the bot by default). */
  reply(
    postText: string | RegExp,
    text: string,
    opts?: { mention?: boolean; timeoutMs?: number },
  ): Promise<SentMessage>;
  /** Wait until text is visible in the pane; returns the first visible match. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** Wait until no element in the pane shows the text. */
  waitForTextGone(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Wait for an Adaptive Card containing the text; returns the newest such card. */
  waitForCard(containing: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /**
   * Click a card button (role button, exact accessible name = action title). Waits for the
   * invoke (Action.Execute) / submit (Action.Submit) request and returns its response.
   * Pass `expectRequest:false` for Action.OpenUrl / ShowCard / ToggleVisibility.
   */
  clickCardButton(
    card: Locator | string | RegExp,
    buttonName: string,
    opts?: { expectRequest?: boolean; timeoutMs?: number },
  ): Promise<CardActionResult | undefined>;
  /** Fill Input.Text/Number/Date/Time by its `label` (or placeholder). Input ids are NOT in the DOM. */
  fillCardInput(labelOrPlaceholder: string, value: string, opts?: { card?: Locator | string | RegExp }): Promise<void>;
  /** Choose in an Input.ChoiceSet (compact = combobox, expanded = radio group, multi-select = checkboxes) by label and choice title. */
  chooseCardOption(label: string, choiceTitle: string, opts?: { card?: Locator | string | RegExp }): Promise<void>;
  /**
   * Act as another member of the tenant for card actions (Action.Execute invokes / Action.Submit):
   * the playground honours `from.id` of those requests. Typed messages are always sent as the
   * signed-in user (the playground server ignores `from` for messages), so send() throws while
   * acting as someone else. Only works in the group chat and team channels (the personal chat
   * has a single member). Pass the signed-in user to switch back.
   */
  switchUser(who: string): Promise<PlaygroundUser>;
  /** Wait for a log-panel entry (e.g. the bot's answer to an activity). Also checks entries already received. */
  waitForLog(predicate: (e: PlaygroundLogEntry) => boolean, timeoutMs?: number): Promise<PlaygroundLogEntry>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------

function isLocal(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(u.hostname);
  } catch {
    return true;
  }
}

const ACTION_PATH = /\/_conversation\/v1\/(invoke|submit)$/;
const MESSAGE_PATH = /\/_conversation\/v1\/conversations\/([^/]+)\/messages$/;
const INSTALL_PATH = /\/_debug\/conversation\/([^/]+)\/installation$/;

export async function openChat(playgroundUrl: string, opts: OpenChatOptions = {}): Promise<Chat> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const base = playgroundUrl.replace(/\/+$/, '');
  const ownsBrowser = !opts.browser;
  const browser = opts.browser ?? (await launchBrowser());
  await registerSelectorEngines();

  const cfgRes = await fetch(`${base}/_internal/v1/testConfig`);
  if (!cfgRes.ok) throw new Error(`openChat: GET ${base}/_internal/v1/testConfig -> ${cfgRes.status}`);
  const config = ((await cfgRes.json()) as PlaygroundRuntimeConfig).config;
  const me = config.currentUser;
  const allUsers = [config.currentUser, ...config.users];
  const team = config.teams[0];

  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  if (opts.blockExternal ?? true)
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort(),
    );
  const page = await context.newPage();
  page.setDefaultTimeout(opts.defaultTimeoutMs ?? 30_000);

  const logs: PlaygroundLogEntry[] = [];
  const logWaiters = new Set<{ pred: (e: PlaygroundLogEntry) => boolean; resolve: (e: PlaygroundLogEntry) => void }>();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_FAILED|ERR_NAME_NOT_RESOLVED/.test(m.text()))
      pageErrors.push(`console.error: ${m.text()}`);
  });
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/_ws/log')) return;
    ws.on('framereceived', (f) => {
      try {
        const msg = JSON.parse(String(f.payload)) as { logAction?: string; log?: PlaygroundLogEntry };
        if (msg.logAction === 'appendLog' && msg.log) {
          logs.push(msg.log);
          for (const w of [...logWaiters]) if (w.pred(msg.log)) logWaiters.delete(w), w.resolve(msg.log);
        }
      } catch {
        /* not json */
      }
    });
  });

  // installation POSTs the UI sends when a conversation is opened for the first time in this page
  // (id -> time the request left the browser; the log panel replays older entries on connect)
  const installed = new Map<string, number>();
  const installWaiters = new Set<{ ids: string[]; resolve: () => void }>();
  page.on('request', (r) => {
    const m = INSTALL_PATH.exec(new URL(r.url()).pathname);
    if (!m || r.method() !== 'POST') return;
    const id = decodeURIComponent(m[1]!);
    // browser-side wall time of the request (the Node-side event may arrive after the server acted)
    installed.set(id, r.timing().startTime > 0 ? r.timing().startTime : Date.now() - 1_000);
    for (const w of [...installWaiters]) if (w.ids.includes(id)) installWaiters.delete(w), w.resolve();
  });

  let actingAs: PlaygroundUser = me;
  let conversation: Chat['conversation'] = { name: 'Personal Chat', kind: 'personal', id: config.personalChat.id };

  // impersonation for card actions: rewrite from.id of invoke/submit requests
  await page.route(ACTION_PATH, async (route: Route, request: Request) => {
    if (actingAs.id === me.id || request.method() !== 'POST') return route.continue();
    const body = JSON.parse(request.postData() ?? '{}');
    body.from = { ...(body.from ?? {}), id: actingAs.id };
    return route.continue({ postData: JSON.stringify(body) });
  });

  const waitForLog = (predicate: (e: PlaygroundLogEntry) => boolean, ms = 30_000): Promise<PlaygroundLogEntry> => {
    const hit = logs.find(predicate);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const w = { pred: predicate, resolve: (e: PlaygroundLogEntry) => (clearTimeout(t), resolve(e)) };
      const t = setTimeout(() => {
        logWaiters.delete(w);
        reject(new Error(`waitForLog: no matching playground log entry within ${ms} ms`));
      }, ms);
      logWaiters.add(w);
    });
  };

  /** resolves once the bot answered installationUpdate + conversationUpdate for one of `ids` */
  const waitForInstallRoundTrip = async (ids: string[], ms: number): Promise<void> => {
    if (!ids.some((id) => installed.has(id))) {
      await new Promise<void>((resolve, reject) => {
        const w = { ids, resolve: () => (clearTimeout(t), resolve()) };
        const t = setTimeout(() => {
          installWaiters.delete(w);
          reject(new Error(`no installation request for ${ids.join('|')} within ${ms} ms`));
        }, ms);
        installWaiters.add(w);
      });
    }
    const since = Math.min(...ids.filter((id) => installed.has(id)).map((id) => installed.get(id)!)) - 1_000;
    const toBot = (name: string) => (e: PlaygroundLogEntry) =>
      e.activityName === name &&
      e.to === 'User Application' &&
      !!e.conversationId &&
      ids.includes(e.conversationId) &&
      e.timestamp >= since &&
      e.response !== undefined;
    const [inst, upd] = await Promise.all([
      waitForLog(toBot('installationUpdate'), ms),
      waitForLog(toBot('conversationUpdate'), ms),
    ]);
    for (const e of [inst, upd]) {
      const sc = e.response?.statusCode ?? 0;
      if (sc >= 400 || sc === 0)
        throw new Error(`bot answered ${e.activityName} with ${sc}: ${JSON.stringify(e.response?.body)}`);
    }
  };

  const pane = () => page.locator('lbpane=main');
  const cards = () => pane().locator(CARD);
  const newest = (l: Locator) => (conversation.kind === 'channel' ? l.first() : l.last()); // channel posts: newest on top

  const resolveCard = async (card: Locator | string | RegExp | undefined, ms?: number): Promise<Locator> => {
    if (card === undefined) {
      const c = newest(cards());
      await c.waitFor({ state: 'visible', timeout: ms });
      return c;
    }
    if (typeof card === 'string' || card instanceof RegExp) return chat.waitForCard(card, ms);
    return card;
  };

  const resolveConversation = (name: string): Chat['conversation'] & { installIds: string[]; treeName: RegExp } => {
    const n = name.trim();
    if (/^personal( chat)?$/i.test(n))
      return {
        name: 'Personal Chat',
        kind: 'personal',
        id: config.personalChat.id,
        installIds: [config.personalChat.id],
        treeName: /^Personal Chat$/,
      };
    const g = config.groupChats.find((x) => x.name.toLowerCase() === n.toLowerCase() || /^group( chat)?$/i.test(n));
    if (g)
      return {
        name: g.name,
        kind: 'group',
        id: g.id,
        installIds: [g.id],
        treeName: new RegExp(`^${escapeRe(g.name)}$`),
      };
    const ch = team?.channels.find(
      (c) =>
        c.name.toLowerCase() === n.toLowerCase() ||
        `${team.name} - ${c.name}`.toLowerCase() === n.toLowerCase() ||
        c.id === n,
    );
    if (ch && team) {
      return {
        name: ch.name,
        kind: 'channel',
        id: ch.id,
        installIds: team.channels.map((c) => c.id), // one installation per team, sent with the first opened channel's id
        treeName: new RegExp(`^${escapeRe(team.name)} - ${escapeRe(ch.name)}$`),
      };
    }
    throw new Error(
      `unknown conversation "${name}"; known: Personal Chat, ${config.groupChats.map((x) => x.name).join(', ')}, ${team?.channels.map((c) => c.name).join(', ')}`,
    );
  };

  const typeIntoEditor = async (editor: Locator, text: string, mention: boolean): Promise<void> => {
    await editor.click();
    if (mention) {
      const botFirstWord = config.bot.name.split(/\s+/)[0]!;
      await page.keyboard.type(`@${botFirstWord}`);
      await page
        .getByRole('menuitem', { name: new RegExp(escapeRe(config.bot.name)) })
        .first()
        .click();
      await page.keyboard.insertText(` ${text}`);
    } else {
      await editor.fill(text);
    }
  };

  const sendVia = async (
    editor: Locator,
    submit: () => Promise<void>,
    text: string,
    mention: boolean,
    ms: number,
  ): Promise<SentMessage> => {
    if (actingAs.id !== me.id) {
      throw new Error(
        `send(): the playground always sends typed messages as the signed-in user ${me.name}; switchUser('${me.email}') first (acting as ${actingAs.name})`,
      );
    }
    await typeIntoEditor(editor, text, mention);
    const resP = page.waitForResponse(
      (r) => MESSAGE_PATH.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
      { timeout: ms },
    );
    await submit();
    const res = await resP;
    if (!res.ok()) throw new Error(`send(): playground answered ${res.status()}: ${await res.text()}`);
    const body = (await res.json()) as { messageId: string; postConversationId?: string; timestamp: number };
    const convId = decodeURIComponent(MESSAGE_PATH.exec(new URL(res.url()).pathname)![1]!);
    return { messageId: body.messageId, conversationId: body.postConversationId ?? convId, timestamp: body.timestamp };
  };

  const chat: Chat = {
    page,
    context,
    playgroundUrl: base,
    config,
    me,
    get actingAs() {
      return actingAs;
    },
    get conversation() {
      return conversation;
    },
    logs,
    pageErrors,
    pane,
    cards,

    async openConversation(name) {
      const c = resolveConversation(name);
      await page.getByRole('treeitem', { name: c.treeName }).click();
      conversation = { name: c.name, kind: c.kind, id: c.id };
      if (c.kind === 'personal') actingAs = me; // the personal chat has only the signed-in user
      await waitForInstallRoundTrip(c.installIds, timeoutMs);
      await pane().locator(EDITOR).first().waitFor({ state: 'visible' });
    },

    async send(text, o = {}) {
      const mention = o.mention ?? conversation.kind !== 'personal';
      const ms = o.timeoutMs ?? 30_000;
      const editor = pane().locator(EDITOR).first(); // channel: the "Start a new post" editor
      const submit =
        conversation.kind === 'channel'
          ? () => pane().getByRole('button', { name: 'Post', exact: true }).click() // Enter adds a newline in a new post
          : () => page.keyboard.press('Enter');
      return sendVia(editor, submit, text, mention, ms);
    },

    async reply(postText, text, o = {}) {
      if (conversation.kind !== 'channel') throw new Error('reply() is for channel posts; use send() in chats');
      const ms = o.timeoutMs ?? 30_000;
      const post = pane()
        .getByRole('group')
        .filter({ hasText: postText })
        .filter({ has: page.getByRole('button', { name: 'Send Message' }) })
        .first();
      const editor = post.locator(EDITOR);
      return sendVia(editor, () => page.keyboard.press('Enter'), text, o.mention ?? true, ms);
    },

    async waitForText(text, ms = 30_000) {
      const l = pane().getByText(text).first();
      await l.waitFor({ state: 'visible', timeout: ms });
      return l;
    },

    async waitForTextGone(text, ms = 30_000) {
      await pane().getByText(text).first().waitFor({ state: 'detached', timeout: ms });
    },

    async waitForCard(containing, ms = 30_000) {
      const matches = cards().filter({ hasText: containing });
      await matches.first().waitFor({ state: 'visible', timeout: ms });
      return newest(matches);
    },

    async clickCardButton(card, buttonName, o = {}) {
      const ms = o.timeoutMs ?? 30_000;
      const c = await resolveCard(card, ms);
      const button = c.getByRole('button', { name: buttonName, exact: true });
      if (o.expectRequest === false) {
        await button.click({ timeout: ms });
        return undefined;
      }
      const from = actingAs.id;
      const resP = page.waitForResponse(
        (r) => ACTION_PATH.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
        { timeout: ms },
      );
      await button.click({ timeout: ms });
      const res = await resP;
      const kind = ACTION_PATH.exec(new URL(res.url()).pathname)![1] as 'invoke' | 'submit';
      const raw = await res.text();
      let body: any = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        /* keep text */
      }
      return { kind, status: res.status(), body, fromId: from };
    },

    async fillCardInput(labelOrPlaceholder, value, o = {}) {
      const c = await resolveCard(o.card);
      const byLabel = c.getByLabel(labelOrPlaceholder);
      const target = (await byLabel.count()) > 0 ? byLabel.first() : c.getByPlaceholder(labelOrPlaceholder).first();
      await target.fill(value);
    },

    async chooseCardOption(label, choiceTitle, o = {}) {
      const c = await resolveCard(o.card);
      const combo = c.getByRole('combobox', { name: label });
      if ((await combo.count()) > 0) {
        await combo.first().click();
        await page.getByRole('option', { name: choiceTitle, exact: true }).click(); // listbox is rendered in a portal
        return;
      }
      const radios = c.getByRole('radiogroup', { name: label }).getByRole('radio', { name: choiceTitle, exact: true });
      if ((await radios.count()) > 0) {
        await radios.first().check();
        return;
      }
      // multi-select ChoiceSet: checkbox name = "<label> <choice title>"; Input.Toggle: name = its title
      for (const name of [`${label} ${choiceTitle}`, choiceTitle]) {
        const box = c.getByRole('checkbox', { name, exact: true });
        if ((await box.count()) > 0) {
          await box.first().check();
          return;
        }
      }
      throw new Error(`chooseCardOption: no ChoiceSet "${label}" with choice "${choiceTitle}" in the card`);
    },

    async switchUser(who) {
      const user = findUser(allUsers, who);
      if (!user)
        throw new Error(`switchUser: unknown user "${who}"; known: ${allUsers.map((x) => x.email).join(', ')}`);
      if (user.id !== me.id && conversation.kind === 'personal') {
        throw new Error(
          `switchUser(${who}): the personal chat of this playground belongs to ${me.name} only. ` +
            `Start a second playground with startPlayground({ botEndpoint, user: '${user.email}' }) and openChat() it, ` +
            `or open the group chat / a team channel to act as ${user.name} there.`,
        );
      }
      actingAs = user;
      return user;
    },

    waitForLog,

    async screenshot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
    },

    async close() {
      await context.close().catch(() => {});
      if (ownsBrowser) await browser.close().catch(() => {});
    },
  };

  try {
    await page.goto(base, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    // the 9 MB UI bundle takes several seconds to evaluate on a slow machine
    await page.locator(EDITOR).first().waitFor({ state: 'visible', timeout: timeoutMs });
    // opening the page installs the app in the personal chat (installationUpdate + conversationUpdate)
    await waitForInstallRoundTrip([config.personalChat.id], timeoutMs);
    await chat.openConversation(opts.conversation ?? 'Personal Chat');
    if (opts.user) await chat.switchUser(opts.user);
  } catch (e) {
    const shot = path.join(process.env.E2E_ARTIFACTS_DIR ?? '/tmp', `openChat-failure-${Date.now()}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    await chat.close();
    throw new Error(
      `openChat(${base}) failed: ${(e as Error).message}\nscreenshot: ${shot}\npage errors:\n${pageErrors.join('\n')}`,
    );
  }
  return chat;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
