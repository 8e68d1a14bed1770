export declare function browserPath(name: 'chromium' | 'firefox'): string;
/** One line naming the Debian package to install, or undefined when the browser is there. */
export declare function missingBrowser(name: 'chromium' | 'firefox'): string | undefined;
