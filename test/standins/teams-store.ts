/** State of the Teams connector stand-in: members, conversations, activities with versions, events. */
import { createHash } from 'node:crypto';
import type { Activity, Attachment } from 'botbuilder';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A Teams user as the registry knows them (ids like Teams': `29:…` MRI, AAD object id, UPN). */
export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName: string;
  tenantId: string;
  givenName?: string;
  surname?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
}

export type PostedActivity = Partial<Activity> & Record<string, unknown>;

export interface StoredActivity {
  conversationId: string;
  id: string;
  /** Current version. */
  activity: PostedActivity;
  /** Every version, oldest first (the last one is `activity`). */
  versions: PostedActivity[];
  replyToId?: string;
  deleted: boolean;
  sentAt: number;
  updatedAt: number;
}

export interface ActivityEvent {
  seq: number;
  kind: 'sent' | 'updated' | 'deleted';
  conversationId: string;
  activityId: string;
  activity: PostedActivity;
  at: number;
}

export interface BlockError {
  code: string;
  message: string;
}

export interface ConversationRecord {
  id: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  /** When set, only these members are in the conversation. */
  memberIds?: string[];
  blocked?: BlockError;
  activities: StoredActivity[];
}

export interface TeamRecord {
  id: string;
  name: string;
  aadGroupId: string;
  /** The General channel's id equals the team id and its name is null. */
  channels: Array<{ id: string; name: string | null }>;
}

export interface CardView {
  conversationId: string;
  activityId: string;
  card: Record<string, unknown>;
  activity: PostedActivity;
  version: number;
}

type Waiter = { pred: (e: ActivityEvent) => boolean; resolve: (e: ActivityEvent) => void };

/** Teams' 1:1 conversation id for a user (stable per user, like the real `a:1…` ids). */
export function personalConversationId(userId: string): string {
  return `a:1${createHash('sha256').update(userId).digest('base64url').slice(0, 60)}`;
}

export function adaptiveCardsOf(a: PostedActivity): Array<Record<string, unknown>> {
  return ((a.attachments ?? []) as Attachment[])
    .filter((x) => x.contentType === ADAPTIVE_CARD)
    .map((x) => x.content as Record<string, unknown>);
}

export class TeamsStore {
  members = new Map<string, TeamsMember>();
  conversations = new Map<string, ConversationRecord>();
  teams = new Map<string, TeamRecord>();
  events: ActivityEvent[] = [];
  private waiters = new Set<Waiter>();
  private lastId = Date.now();

  /** Message ids like Teams' (epoch milliseconds), unique. */
  nextActivityId(): string {
    this.lastId = Math.max(this.lastId + 1, Date.now());
    return String(this.lastId);
  }

  addMember(m: TeamsMember): void {
    this.members.set(m.id, m);
  }

  /** By Teams id, AAD object id or UPN (all three work on the real endpoint). */
  findMember(key: string): TeamsMember | undefined {
    const k = key.toLowerCase();
    return (
      this.members.get(key) ??
      [...this.members.values()].find(
        (m) => m.aadObjectId.toLowerCase() === k || m.userPrincipalName.toLowerCase() === k,
      )
    );
  }

  /**
   * Reachable 1:1: a member of a team's roster (General's members; no list = everyone), or a user whose 1:1 chat exists
   * — Microsoft Learn "Send proactive messages" (a bot can message members of a team it is installed in).
   */
  botCanReach(m: TeamsMember): boolean {
    if (this.conversations.has(personalConversationId(m.id))) return true;
    return [...this.teams.keys()].some((teamId) => {
      const ids = this.conversations.get(teamId)?.memberIds;
      return !ids || ids.includes(m.id);
    });
  }

  ensureConversation(id: string, init: Omit<ConversationRecord, 'id' | 'activities'>): ConversationRecord {
    let c = this.conversations.get(id);
    if (!c) {
      c = { id, activities: [], ...init };
      this.conversations.set(id, c);
    }
    return c;
  }

  /** A known conversation, or a member's personal chat (which exists once the app is installed). */
  conversation(id: string): ConversationRecord | undefined {
    const known = this.conversations.get(id);
    if (known) return known;
    const thread = id.match(/^(.+);messageid=\d+$/);
    const channel = thread ? this.conversations.get(thread[1]) : undefined;
    if (channel)
      return this.ensureConversation(id, {
        conversationType: 'channel',
        tenantId: channel.tenantId,
        ...(channel.memberIds ? { memberIds: channel.memberIds } : {}),
      });
    const owner = [...this.members.values()].find((m) => personalConversationId(m.id) === id);
    return owner
      ? this.ensureConversation(id, { conversationType: 'personal', tenantId: owner.tenantId, memberIds: [owner.id] })
      : undefined;
  }

  addActivity(conv: ConversationRecord, activity: PostedActivity, replyToId?: string): StoredActivity {
    const id = this.nextActivityId();
    const now = Date.now();
    const body = { ...activity, id };
    const stored: StoredActivity = {
      conversationId: conv.id,
      id,
      activity: body,
      versions: [body],
      deleted: false,
      sentAt: now,
      updatedAt: now,
      ...(replyToId ? { replyToId } : {}),
    };
    conv.activities.push(stored);
    this.emit('sent', stored);
    return stored;
  }

  updateActivity(stored: StoredActivity, activity: PostedActivity): void {
    const body = { ...activity, id: stored.id };
    stored.activity = body;
    stored.versions.push(body);
    stored.updatedAt = Date.now();
    this.emit('updated', stored);
  }

  deleteActivity(stored: StoredActivity): void {
    stored.deleted = true;
    stored.updatedAt = Date.now();
    this.emit('deleted', stored);
  }

  allActivities(): StoredActivity[] {
    return [...this.conversations.values()].flatMap((c) => c.activities).sort((a, b) => a.sentAt - b.sentAt);
  }

  cards(conversationId?: string): CardView[] {
    return this.allActivities()
      .filter((s) => !s.deleted && (!conversationId || s.conversationId === conversationId))
      .flatMap((s) =>
        adaptiveCardsOf(s.activity).map((card) => ({
          conversationId: s.conversationId,
          activityId: s.id,
          card,
          activity: s.activity,
          version: s.versions.length,
        })),
      );
  }

  get lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  private emit(kind: ActivityEvent['kind'], s: StoredActivity): void {
    const e: ActivityEvent = {
      seq: this.lastSeq + 1,
      kind,
      conversationId: s.conversationId,
      activityId: s.id,
      activity: s.activity,
      at: Date.now(),
    };
    this.events.push(e);
    for (const w of [...this.waiters]) {
      if (w.pred(e)) {
        this.waiters.delete(w);
        w.resolve(e);
      }
    }
  }

  /** Resolves with the first event matching `pred`: among those after `since` (a `lastSeq` taken earlier), else the next one to arrive. */
  waitFor(pred: (e: ActivityEvent) => boolean, timeoutMs = 5000, since?: number): Promise<ActivityEvent> {
    if (since !== undefined) {
      const past = this.events.find((e) => e.seq > since && pred(e));
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const w: Waiter = { pred, resolve: (e) => (clearTimeout(timer), resolve(e)) };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`No matching Teams activity within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }
}
