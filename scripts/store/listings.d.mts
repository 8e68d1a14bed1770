export interface ListingField {
  readonly field: string;
  readonly text: string;
  /** In characters (string length, as the forms count); absent for a choice from a list. */
  readonly limit?: number;
  readonly limitNote?: string;
}
export declare const PERMISSION_JUSTIFICATIONS: Readonly<Record<string, string>>;
export declare const CHROME_LISTING: readonly ListingField[];
export declare const AMO_LISTING: readonly ListingField[];
export declare function renderListing(title: string, fields: readonly ListingField[]): string;
