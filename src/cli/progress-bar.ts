/** What a long job reports: how far it has come in bytes (for % and ETA) and in rows (for the rate). */
export interface ProgressState {
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A progress display on stderr: a redrawn bar with rows/s and ETA on a terminal, a plain line every few
 * seconds otherwise (logs and CI keep readable output). Stdout stays free for the report.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(p: ProgressState): void {
      const elapsed = (Date.now() - started) / 1000;
      const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
      const rate = elapsed > 0 ? p.rowsRead / elapsed : 0;
      const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Infinity;
      const text = `${(fraction * 100).toFixed(0).padStart(3)}% ${p.rowsRead.toLocaleString('sv-SE')} rader · ${Math.round(rate).toLocaleString('sv-SE')} rader/s · ETA ${duration(eta)}`;
      if (tty) {
        const width = 24;
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}\x1b[K`);
        drawn = true;
      } else if (Date.now() - lastPlain >= 2000) {
        lastPlain = Date.now();
        stream.write(`${label}: ${text}\n`);
      }
    },
    done(): void {
      if (drawn) stream.write('\n');
    },
  };
}
