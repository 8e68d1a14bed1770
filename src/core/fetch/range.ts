// Fetch §2.2.2 "simple range header value": `bytes=<start>-[<end>]`, one range, start given,
// start <= end. Suffix ranges (`bytes=-500`) and multiple ranges need a preflight.

const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;

export function isSimpleRangeValue(value: string): boolean {
  const match = SIMPLE_RANGE.exec(value);
  if (!match) return false;
  const [, start, end] = match;
  if (end === undefined || end === '') return true;
  // Compare as numbers without overflow surprises on very long digit strings.
  return BigInt(start as string) <= BigInt(end);
}
