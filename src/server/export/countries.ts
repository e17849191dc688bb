// Country codes the exports need: ISO 3166-1 alpha-2 (what locations carry) to ISO 3166-1 numeric
// (ACLED's `iso` column), alpha-3 (HXL's #country+code) and the ACLED region (ACLED Codebook,
// "Regions"). Countries outside the table export their alpha-2 code as the name and no region.
export interface CountryInfo {
  numeric: number;
  alpha3: string;
  name: string;
  region: string;
}

export const COUNTRIES: Record<string, CountryInfo> = {
  AF: { numeric: 4, alpha3: 'AFG', name: 'Afghanistan', region: 'Caucasus and Central Asia' },
  PK: { numeric: 586, alpha3: 'PAK', name: 'Pakistan', region: 'South Asia' },
  IN: { numeric: 356, alpha3: 'IND', name: 'India', region: 'South Asia' },
  IR: { numeric: 364, alpha3: 'IRN', name: 'Iran', region: 'Middle East' },
  CN: { numeric: 156, alpha3: 'CHN', name: 'China', region: 'East Asia' },
  TJ: { numeric: 762, alpha3: 'TJK', name: 'Tajikistan', region: 'Caucasus and Central Asia' },
  UZ: { numeric: 860, alpha3: 'UZB', name: 'Uzbekistan', region: 'Caucasus and Central Asia' },
  TM: { numeric: 795, alpha3: 'TKM', name: 'Turkmenistan', region: 'Caucasus and Central Asia' },
  QA: { numeric: 634, alpha3: 'QAT', name: 'Qatar', region: 'Middle East' },
  TR: { numeric: 792, alpha3: 'TUR', name: 'Turkey', region: 'Europe' },
  BD: { numeric: 50, alpha3: 'BGD', name: 'Bangladesh', region: 'South Asia' },
  NP: { numeric: 524, alpha3: 'NPL', name: 'Nepal', region: 'South Asia' },
  LK: { numeric: 144, alpha3: 'LKA', name: 'Sri Lanka', region: 'South Asia' },
  // The other countries of the UCDP GED sample (testdata/import/) the importers read.
  PH: { numeric: 608, alpha3: 'PHL', name: 'Philippines', region: 'Southeast Asia' },
  UA: { numeric: 804, alpha3: 'UKR', name: 'Ukraine', region: 'Europe' },
  RU: { numeric: 643, alpha3: 'RUS', name: 'Russia', region: 'Europe' },
};

export function countryInfo(alpha2: string): CountryInfo | undefined {
  return Object.hasOwn(COUNTRIES, alpha2) ? COUNTRIES[alpha2] : undefined;
}
