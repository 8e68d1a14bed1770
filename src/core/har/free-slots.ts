// Which positions of a sorted list are still free, with "nearest free at or after i" and
// "nearest free at or before i" in near-constant time (union-find with path halving).
// Linking preflights needs it: a burst of identical requests (same URL, same millisecond)
// must not make each preflight step over every request already taken.

export class FreeSlots {
  /** next[i]: some position ≥ i that may be free; next[n] = n is the end. */
  private readonly next: Int32Array;
  /** prev[i + 1]: some position ≤ i that may be free; prev[0] = -1 is the start. */
  private readonly prev: Int32Array;

  constructor(readonly size: number) {
    this.next = Int32Array.from({ length: size + 1 }, (_, i) => i);
    this.prev = Int32Array.from({ length: size + 1 }, (_, i) => i - 1);
  }

  /** The first free position ≥ i, or `size` when none. */
  atOrAfter(i: number): number {
    let j = Math.max(0, i);
    while (j < this.size && this.next[j] !== j) {
      const n = this.next[j] as number;
      this.next[j] = this.next[n] as number;
      j = n;
    }
    return Math.min(j, this.size);
  }

  /** The last free position ≤ i, or -1 when none. */
  atOrBefore(i: number): number {
    let j = Math.min(i, this.size - 1);
    while (j >= 0 && this.prev[j + 1] !== j) {
      const p = this.prev[j + 1] as number;
      this.prev[j + 1] = p < 0 ? -1 : (this.prev[p + 1] as number);
      j = p;
    }
    return j;
  }

  take(i: number): void {
    this.next[i] = i + 1;
    this.prev[i + 1] = i - 1;
  }
}
