// A board's addresses, written once. Its page: /tasks/<task> for the task's default board (its first profile),
// /tasks/<task>/<hardware>/<meter> for the others. Its JSON and CSV: GET /api/v1/leaderboard?task=&hardware=&meter=.
// Plain functions without server imports: the board's client components use them too.

/** The two coordinates of a board besides its task. */
export interface BoardKey {
  hardwareProfileId: string;
  meter: string;
}

/** A hardware profile id and meter as they may appear in a board's path (anything else is a 404). */
const HARDWARE_SEGMENT = /^[\w-]{1,64}$/;
const METER_SEGMENT = /^[a-z]{1,16}$/;

export function isBoardPathKey(hardwareProfileId: string, meter: string): boolean {
  return HARDWARE_SEGMENT.test(hardwareProfileId) && METER_SEGMENT.test(meter);
}

/** `profiles` come default first (listBoardProfiles), so the default board is the first. */
export function isDefaultBoard(profiles: readonly BoardKey[], key: BoardKey): boolean {
  const [first] = profiles;
  return first?.hardwareProfileId === key.hardwareProfileId && first?.meter === key.meter;
}

/** The board's page; the default board has the shorter address. */
export function boardPath(taskId: string, profiles: readonly BoardKey[], key: BoardKey): string {
  const task = `/tasks/${encodeURIComponent(taskId)}`;
  return isDefaultBoard(profiles, key) ? task : `${task}/${encodeURIComponent(key.hardwareProfileId)}/${encodeURIComponent(key.meter)}`;
}

/** GET /api/v1/leaderboard for this board (the task's default one without a key); `format`: csv or json. */
export function boardApiPath(taskId: string, key: BoardKey | null, format?: "csv" | "json"): string {
  const query = new URLSearchParams({ task: taskId });
  if (key) {
    query.set("hardware", key.hardwareProfileId);
    query.set("meter", key.meter);
  }
  if (format) query.set("format", format);
  return `/api/v1/leaderboard?${query}`;
}
