// Progress for long command-line work: a bar on a terminal, plain lines otherwise (CI, logs).
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} rækker`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastPct = -1;
  return {
    update(done, total) {
      const pct = Math.floor((done / Math.max(1, total)) * 10) * 10;
      if (pct !== lastPct) {
        lastPct = pct;
        process.stderr.write(`${label}: ${pct} % (${done}/${total} rækker)\n`);
      }
    },
    stop() {},
  };
}
