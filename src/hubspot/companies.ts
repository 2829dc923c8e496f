import type { CompanyDirectory } from '../domain/classification/company-directory.js';
import type { HubSpot } from './types.js';

/** HubSpot's CRM company search, through the same client as the lead flow. */
export function hubspotCompanies(hubspot: HubSpot, portalId?: number): CompanyDirectory {
  return { searchCompaniesByName: (name) => hubspot.searchCompaniesByName(name, portalId) };
}
