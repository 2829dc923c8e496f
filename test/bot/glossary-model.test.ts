/**
 * The optional model fallback for unsure glossary answers, against an OpenAI-compatible stand-in over real HTTP(S):
 * what is sent, that only a candidate's id is accepted, and that failures and timeouts leave the retriever's answer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGlossaryChooser } from '../../src/bot/ai/glossary-chooser.js';
import type { GlossaryModelConfig } from '../../src/config/fields.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { type Answer, createKnowledge, renderAnswerText } from '../../src/knowledge/index.js';
import { type ChatRequestSeen, type OpenAIStandin, startOpenAIStandin } from '../standins/openai.js';

const KEY = 'sk-test-key';
/** The retriever answers this by description with low confidence (Nurturing, 0.39); Scoring is among its candidates. */
const UNSURE = 'Wie nennt man die Zahl, ab der ein Kontakt an den Vertrieb geht?';
/** Refused by the retriever, with close candidates (Lead, SAL, SQL). */
const REFUSED = 'Was ist ein Lead Magnet?';

type Message = { role: string; content: string };
const bodyOf = (r: ChatRequestSeen) =>
  r.body as { model?: string; messages: Message[]; temperature: number; max_tokens: number };
const entry = (a: Answer) => (a.kind === 'glossary' ? a.entry.id : a.kind);

describe('glossary model fallback over OpenAI chat completions', () => {
  let standin: OpenAIStandin;
  let config: GlossaryModelConfig;
  const ask = (q: string, c: GlossaryModelConfig = config) =>
    createKnowledge({ chooser: createGlossaryChooser(c) }).ask(q);

  beforeAll(async () => {
    standin = await startOpenAIStandin({ apiKey: KEY });
    config = { kind: 'openai', apiKey: KEY, model: 'gpt-4o-mini', baseUrl: standin.openaiBaseUrl, timeoutMs: 2000 };
  });
  afterEach(() => {
    standin.requests.length = 0;
  });
  afterAll(() => standin.close());

  it('sends the question and the candidate entries, and answers from the entry the model picked', async () => {
    standin.script({ reply: 'scoring' });
    const a = await ask(UNSURE);
    expect(entry(a)).toBe('scoring');
    expect(a.kind === 'glossary' && a.matchedBy).toBe('model');
    expect(a.confidence).toBeLessThan(1);
    // The text is the glossary's, with a note who chose it.
    const text = renderAnswerText(a);
    expect(text).toContain('Beim Scoring wird das Verhalten eines Kontakts');
    expect(text).toContain('Sprachmodell');

    expect(standin.requests).toHaveLength(1);
    const [r] = standin.requests;
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = bodyOf(r);
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.temperature).toBe(0);
    expect(body.max_tokens).toBeLessThanOrEqual(20);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    const user = body.messages[1].content;
    expect(user).toContain(`Question: ${UNSURE}`);
    expect(user).toContain('id: scoring');
    expect(user.match(/^id: /gm)?.length).toBeLessThanOrEqual(5);
    expect(body.messages[0].content).toMatch(/answer: none/);
  });

  it.each([
    ['none', 'none'],
    ['nonsense', 'Ich glaube, es geht um Lead Scoring und Routing.'],
    ['an id that was not offered', 'dashboard'],
    ['an invented id', 'lead-magnet'],
  ])('gives the plain refusal when the model answers %s', async (_what, reply) => {
    standin.script({ reply });
    const a = await ask(REFUSED);
    expect(a.kind).toBe('not_found');
    expect(standin.requests).toHaveLength(1);
    // Even for an answer the retriever had (low confidence), "none" from the model is a refusal.
    standin.script({ reply });
    expect((await ask(UNSURE)).kind).toBe('not_found');
  });

  it('accepts the id in quotes or with a full stop', async () => {
    standin.script({ reply: '"lead".' });
    expect(entry(await ask(REFUSED))).toBe('lead');
  });

  it("keeps the retriever's own answer when the model times out, fails or refuses the key", async () => {
    standin.script({ hangMs: 1500, reply: 'scoring' });
    expect(entry(await ask(UNSURE, { ...config, timeoutMs: 200 }))).toBe('nurturing');
    standin.script({ status: 500 });
    expect(entry(await ask(UNSURE))).toBe('nurturing');
    standin.script({
      status: 429,
      error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
    });
    expect(entry(await ask(UNSURE))).toBe('nurturing');
    expect((await ask(REFUSED, { ...config, apiKey: 'wrong' })).kind).toBe('not_found');
    // One attempt each: no retries behind the chat answer.
    expect(standin.requests.map((r) => r.status)).toEqual([undefined, 500, 429, 401]);
  });

  it('sends nothing for confident answers, classifications, or questions with no close entry', async () => {
    standin.script({ reply: 'scoring' });
    expect(entry(await ask('Was ist ein MQL?'))).toBe('mql');
    expect((await ask('Welches Segment bei 80 Mitarbeitern?')).kind).toBe('segment');
    expect((await ask('Wie wird das Wetter morgen?')).kind).toBe('not_found');
    expect(standin.requests).toEqual([]);
  });

  it('sends nothing at all without a configured model', async () => {
    const a = await createKnowledge().ask(UNSURE);
    expect(entry(a)).toBe('nurturing');
    expect(standin.requests).toEqual([]);
    expect(loadConfig({}).glossaryModel).toBeUndefined();
  });
});

describe('glossary model fallback over Azure OpenAI', () => {
  let standin: OpenAIStandin;
  let ca: string;
  beforeAll(async () => {
    // Azure endpoints must be https://: a throw-away certificate for 127.0.0.1.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aoai-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    ca = fs.readFileSync(cert, 'utf8');
    standin = await startOpenAIStandin({
      apiKey: KEY,
      deployments: ['glossary-gpt'],
      tls: { key: fs.readFileSync(key, 'utf8'), cert: ca },
    });
  });
  afterAll(() => standin.close());

  const azure = (deployment: string): GlossaryModelConfig => ({
    kind: 'azure',
    endpoint: standin.azureEndpoint,
    apiKey: KEY,
    deployment,
    apiVersion: '2024-10-21',
    timeoutMs: 2000,
  });
  const ask = (q: string, deployment = 'glossary-gpt') =>
    createKnowledge({
      chooser: createGlossaryChooser(azure(deployment), { clientOptions: { httpAgent: new https.Agent({ ca }) } }),
    }).ask(q);

  it('calls the deployment with the api-key header and api-version, and renders the chosen entry', async () => {
    standin.script({ reply: 'scoring' });
    expect(entry(await ask(UNSURE))).toBe('scoring');
    const r = standin.requests.at(-1)!;
    expect(r.flavour).toBe('azure');
    expect(r.path).toBe('/openai/deployments/glossary-gpt/chat/completions');
    expect(r.query['api-version']).toBe('2024-10-21');
    expect(r.headers['api-key']).toBe(KEY);
    expect(r.headers.authorization).toBeUndefined();
  });

  it('keeps its own answer when the deployment does not exist', async () => {
    standin.script({ reply: 'scoring' });
    expect(entry(await ask(UNSURE, 'no-such-deployment'))).toBe('nurturing');
    expect(standin.requests.at(-1)!.status).toBe(404);
  });
});

describe('glossary model configuration', () => {
  it('chooses Azure when all three AZURE_OPENAI_* are set, else OpenAI with OPENAI_API_KEY', () => {
    const az = loadConfig({
      AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'gpt',
      OPENAI_API_KEY: 'sk',
    }).glossaryModel;
    expect(az).toMatchObject({ kind: 'azure', endpoint: 'https://contoso.openai.azure.com', apiVersion: '2024-10-21' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk' }).glossaryModel).toMatchObject({ kind: 'openai', model: 'gpt-4o-mini' });
  });

  it('names missing Azure variables and a non-https endpoint instead of silently sending elsewhere', () => {
    expect(() => loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', OPENAI_API_KEY: 'sk' })).toThrow(
      /AZURE_OPENAI_API_KEY: required[\s\S]*AZURE_OPENAI_DEPLOYMENT: required/,
    );
    expect(() =>
      loadConfig({ AZURE_OPENAI_ENDPOINT: 'http://x', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'd' }),
    ).toThrow(ConfigError);
  });
});
