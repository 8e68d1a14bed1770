// What one store submission consists of, under extension/store/: read by scripts/package.mjs, the
// image script and the tests that check the result.

/** Chrome Web Store: exactly 1280×800 (or 640×400); AMO recommends 1280×800. */
export const SCREENSHOT = { width: 1280, height: 800 };
/** Chrome Web Store small promo tile. */
export const PROMO_TILE = { width: 440, height: 280 };
/** Chrome Web Store icon: 128×128, the artwork 96×96 inside a 16 px transparent margin. */
export const STORE_ICON = { width: 128, height: 128, margin: 16 };

export const STORE_IMAGES = {
  screenshots: ['screenshot-1-exchanges.png', 'screenshot-2-blocked-cause-and-fix.png', 'screenshot-3-problems.png', 'screenshot-4-try-this-fix.png'],
  promoTile: 'promo-tile-440x280.png',
  icon: 'icon-128.png',
};

export const STORE_ZIPS = { chrome: 'cors-lens-chrome.zip', firefox: 'cors-lens-firefox.zip', source: 'cors-lens-source.zip' };
export const LISTINGS = { chrome: 'chrome-listing.md', amo: 'amo-listing.md' };
