import type { ProgressSink } from './progress-sink.js';

/**
 * A progress bar on stderr (cli-progress), for terminals only: the CLI never creates it when
 * stderr is not a TTY, so logs and CI output stay clean.
 */
export async function terminalProgress(stream: NodeJS.WriteStream): Promise<ProgressSink> {
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    {
      stream,
      format: '{table} {phase} [{bar}] {percentage}% {value}/{total} rows',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      fps: 8,
    },
    progress.Presets.shades_classic,
  );
  let active = false;
  let table = '';
  return {
    start(name, totalRows) {
      table = name;
      if (active) bar.stop();
      bar.start(Math.max(1, totalRows), 0, { table, phase: 'hashing' });
      active = true;
    },
    advance(rows, phase) {
      if (active) bar.increment(rows, { table, phase });
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
