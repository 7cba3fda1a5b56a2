/**
 * One status line at the bottom of a terminal, redrawn in place. After each draw the cursor goes
 * back to the start of the line, so a log line written meanwhile overwrites it instead of being
 * glued to its end; the next redraw puts it back under the log.
 */
const CLEAR_LINE = '\r\u001b[2K';

export class LiveLine {
  private readonly timer: NodeJS.Timeout;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    redrawMs: number,
    private readonly text: () => string,
  ) {
    this.timer = setInterval(() => this.draw(), redrawMs);
    this.timer.unref();
  }

  draw(): void {
    const line = this.text();
    const width = this.stream.columns ?? 120;
    if (!line) return this.clear();
    this.stream.write(`${CLEAR_LINE}${truncate(line, width - 1)}\r`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }

  stop(): void {
    clearInterval(this.timer);
    this.clear();
  }
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
}
