export declare const REVIEWER_COMMANDS: readonly string[];
export declare const FIREFOX_OUTPUT: string;
export declare function reviewersMd(build: { nodeVersion: string; npmVersion: string; firefoxZipSha256: string; commit: string }): string;
export declare function uncommittedChanges(root: string): string;
export declare function writeSourceZip(root: string, zipPath: string, reviewers: string): void;
