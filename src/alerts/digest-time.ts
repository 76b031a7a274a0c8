// When a subscription's next daily digest goes out: the next `HH:MM` in its time zone after a
// moment, as a UTC instant, across daylight-saving changes (a time skipped by a spring-forward
// change goes out at the first instant after it).

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of local wall time (y, m, d, hh, mm) in `timeZone`. */
function zonedInstant(y: number, m: number, d: number, hh: number, mm: number, timeZone: string): number {
  const wall = Date.UTC(y, m, d, hh, mm);
  // Two passes settle the offset on either side of a transition.
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return guess;
}

export function nextDigestAt(after: Date, at: string, timeZone: string): Date {
  const [hh, mm] = at.split(':').map(Number) as [number, number];
  const localNow = new Date(after.getTime() + zoneOffsetMs(after.getTime(), timeZone));
  for (let day = 0; day < 3; day++) {
    const candidate = zonedInstant(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate() + day, hh, mm, timeZone);
    if (candidate > after.getTime()) return new Date(candidate);
  }
  throw new Error(`no ${at} in ${timeZone} within two days of ${after.toISOString()}`);
}
