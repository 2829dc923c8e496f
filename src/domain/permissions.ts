import type { Actor, Lead } from './model.js';

export interface PermissionPolicy {
  admins: string[];
  /** true when `managerEmail` manages the CSM `ownerEmail` (from the roster). */
  isManagerOf?(managerEmail: string, ownerEmail: string): boolean;
}

export type Role = 'owner' | 'manager' | 'admin';

/** Who may act on a lead: its current owner, the owner's manager, or an admin. */
export function roleOn(actor: Actor, lead: Lead, policy: PermissionPolicy): Role | null {
  const email = actor.email?.toLowerCase();
  if (!email) return null;
  if (lead.owner.email && email === lead.owner.email.toLowerCase()) return 'owner';
  if (lead.owner.email && policy.isManagerOf?.(email, lead.owner.email.toLowerCase())) return 'manager';
  if (policy.admins.includes(email)) return 'admin';
  return null;
}
