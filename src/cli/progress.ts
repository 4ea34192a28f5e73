/** A one-line progress bar on stderr (only on a terminal, so CI logs stay clean). */
export function progress(label: string, total: number): { tick(): void; done(): void } {
  let n = 0;
  const tty = process.stderr.isTTY === true;
  const draw = () => {
    const width = 30;
    const filled = Math.round((n / Math.max(1, total)) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total}`);
  };
  return {
    tick() {
      n++;
      if (tty && (n % 5 === 0 || n === total)) draw();
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
