import type { DailyWindowCalendar } from './daily-window.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface CalendarStep {
  id: string;
  name: string;
  minutes: number;
  downtime: boolean;
  disruptive: boolean;
}

export interface CalendarPhase {
  name: string;
  hours: number;
  dependencies: string[];
  steps: CalendarStep[];
  /** For a phase without steps: the whole phase needs the window, or must avoid business hours. */
  needsWindow: boolean;
  disruptive: boolean;
}

export interface CalendarInput {
  start: number;
  /** Phases in dependency order. */
  phases: CalendarPhase[];
  businessHours: DailyWindowCalendar | null;
  window: DailyWindowCalendar | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface CalendarResult {
  phases: Map<string, Span>;
  steps: Map<string, Span>;
  end: number;
  notes: string[];
}

function hoursText(ms: number): string {
  const h = ms / HOUR_MS;
  return h >= 10 ? `${Math.round(h)} h` : `${Math.round(h * 10) / 10} h`;
}

/**
 * Places phases and their steps on the calendar: a phase starts when its dependencies end;
 * steps run one after another; a run of steps that stop traffic waits for the next preferred
 * migration window it fits in (or, without one, for a stretch outside business hours); a
 * disruptive step pauses during critical business hours; a phase lasts at least its hours.
 */
export function scheduleOnCalendar(input: CalendarInput): CalendarResult {
  const phases = new Map<string, Span>();
  const steps = new Map<string, Span>();
  const notes: string[] = [];
  const { businessHours, window } = input;

  const windowSlot = (t: number, minutes: number) => {
    if (window) return window.slotFor(t, minutes);
    if (businessHours) return businessHours.gapFor(t, minutes);
    return { start: t, fits: true };
  };
  const place = (phase: string, items: CalendarStep[], from: number): number => {
    let cursor = from;
    for (let i = 0; i < items.length; ) {
      const step = items[i]!;
      if (step.downtime) {
        const block: CalendarStep[] = [];
        while (i < items.length && items[i]!.downtime) block.push(items[i++]!);
        const minutes = block.reduce((sum, s) => sum + s.minutes, 0);
        const slot = windowSlot(cursor, minutes);
        if (slot.start > cursor) {
          notes.push(
            `${phase}: ${block.map((s) => s.name).join(', ')} wait ${hoursText(slot.start - cursor)} for ${window ? `the migration window (${window.describe()})` : `a stretch outside business hours (${businessHours!.describe()})`}`,
          );
        }
        let at = slot.start;
        for (const s of block) {
          steps.set(s.id, { start: at, end: at + s.minutes * MINUTE_MS });
          at += s.minutes * MINUTE_MS;
        }
        cursor = at;
        continue;
      }
      i++;
      if (step.disruptive && businessHours) {
        const run = businessHours.endAvoiding(cursor, step.minutes);
        if (run.start > cursor)
          notes.push(`${phase}: ${step.name} waits ${hoursText(run.start - cursor)} for business hours (${businessHours.describe()}) to end`);
        if (run.pauses > 0) notes.push(`${phase}: ${step.name} pauses during business hours ${run.pauses} time(s)`);
        steps.set(step.id, { start: run.start, end: run.end });
        cursor = run.end;
        continue;
      }
      steps.set(step.id, { start: cursor, end: cursor + step.minutes * MINUTE_MS });
      cursor += step.minutes * MINUTE_MS;
    }
    return cursor;
  };

  for (const phase of input.phases) {
    const ready = Math.max(input.start, ...phase.dependencies.map((d) => phases.get(d)?.end ?? input.start));
    let start = ready;
    let cursor: number;
    if (phase.steps.length) {
      cursor = place(phase.name, phase.steps, ready);
      start = Math.min(...phase.steps.map((s) => steps.get(s.id)!.start));
    } else if (phase.needsWindow || phase.disruptive) {
      // The whole phase is one block.
      const whole: CalendarStep = {
        id: `${phase.name}#whole`,
        name: 'the whole phase',
        minutes: phase.hours * 60,
        downtime: phase.needsWindow,
        disruptive: phase.disruptive,
      };
      cursor = place(phase.name, [whole], ready);
      start = steps.get(whole.id)!.start;
      steps.delete(whole.id);
    } else {
      cursor = ready;
    }
    phases.set(phase.name, { start, end: Math.max(start + phase.hours * HOUR_MS, cursor) });
  }
  const end = Math.max(input.start, ...[...phases.values()].map((p) => p.end));
  return { phases, steps, end, notes };
}
