export declare const SCREENSHOT: { readonly width: number; readonly height: number };
export declare const PROMO_TILE: { readonly width: number; readonly height: number };
export declare const STORE_ICON: { readonly width: number; readonly height: number; readonly margin: number };
export declare const STORE_IMAGES: { readonly screenshots: readonly [string, string, string, string]; readonly promoTile: string; readonly icon: string };
export declare const STORE_ZIPS: { readonly chrome: string; readonly firefox: string; readonly source: string };
export declare const LISTINGS: { readonly chrome: string; readonly amo: string };
