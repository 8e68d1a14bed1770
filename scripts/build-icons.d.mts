/** Transparent margin (px) around the artwork, by icon size. */
export declare const MARGINS: Readonly<Record<number, number>>;
export declare function encodeIcon(size: number): Buffer;
export declare function writeIcons(dir: string, sizes?: readonly number[]): void;
