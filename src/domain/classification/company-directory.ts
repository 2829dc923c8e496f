/** Look-up of CRM companies by name (HubSpot's CRM search in production, an in-memory list in tests). */
export interface CompanyRecord {
  id: string;
  name: string;
  domain?: string;
  /** Annual revenue in EUR (HubSpot `annualrevenue`). */
  annualRevenue?: number | null;
  /** Headcount (HubSpot `numberofemployees`). */
  employees?: number | null;
  /** Link to the record in the CRM. */
  url?: string;
}

export interface CompanyDirectory {
  searchCompaniesByName(name: string): Promise<CompanyRecord[]>;
}
