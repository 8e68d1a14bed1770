// A progress line on stderr for long runs (`cors-lens analyze` of a large recording): only on a
// terminal, only once the run has taken more than a second, redrawn in place at most ten times a
// second and erased before the output, so pipelines and short runs never see it.

export interface Progress {
  reading(bytesRead: number, totalBytes: number): void;
  step(what: string): void;
  /** Erase the line (before anything else is written). */
  done(): void;
}

const QUIET_MS = 1000;
const REDRAW_MS = 100;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1e6).toLocaleString('en')} MB`;

export function progressLine(write: (text: string) => void, name: string, now: () => number = Date.now): Progress {
  const started = now();
  let drawnAt = 0;
  let shown = false;
  const draw = (text: string, force: boolean): void => {
    const at = now();
    if (at - started < QUIET_MS || (!force && at - drawnAt < REDRAW_MS)) return;
    drawnAt = at;
    shown = true;
    // \r and "erase to end of line" (ECMA-48 EL): redraw in place.
    write(`\r\x1b[Kcors-lens: ${name}: ${text}`);
  };
  return {
    reading(bytesRead, totalBytes) {
      const share = totalBytes > 0 ? ` ${Math.min(100, Math.floor((bytesRead / totalBytes) * 100))}% (${megabytes(bytesRead)} of ${megabytes(totalBytes)})` : ` ${megabytes(bytesRead)}`;
      draw(`reading${share}`, false);
    },
    step(what) {
      draw(what, true);
    },
    done() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}

/** For stderr that is not a terminal. */
export const NO_PROGRESS: Progress = { reading() {}, step() {}, done() {} };
