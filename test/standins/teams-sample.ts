/** Teams users matching the sample HubSpot owners (same emails), for the channel helpers and the connector. */
import type { TeamRef, TeamsUser } from './teams-activities.js';

export const SAMPLE_TENANT = 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f';

const user = (key: string, name: string, email: string, oid: string): TeamsUser => ({
  id: `29:1${key}-teams-mri`,
  aadObjectId: oid,
  name,
  email,
  upn: email,
  tenantId: SAMPLE_TENANT,
  locale: 'de-DE',
  timezone: 'Europe/Berlin',
});

export const teamsUsers = {
  alex: user('AlexWilber', 'Alex Wilber', 'alexw@example.com', '4c2a8f1e-6d3b-4b7a-9e10-000000000101'),
  megan: user('MeganBowen', 'Megan Bowen', 'meganb@example.com', '4c2a8f1e-6d3b-4b7a-9e10-000000000102'),
  adele: user('AdeleVance', 'Adele Vance', 'adelev@example.com', '4c2a8f1e-6d3b-4b7a-9e10-000000000103'),
};

export const csmNordTeam: TeamRef = {
  id: '19:csmNordGeneral@thread.tacv2',
  name: 'CSM Nord',
  aadGroupId: 'f3ec8cd2-e704-4344-8c47-9a3a21d683c0',
  channelId: '19:csmNordLeads@thread.tacv2',
  channelName: 'Leads',
};
