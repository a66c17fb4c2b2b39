// After a moderation change (withdraw, delete, hide, edit) this process forgets the boards and badges it keeps, so
// its next answer shows the change; the badge caches are process-wide (lib/cache/process-wide.ts), so the web
// server's badge fast path forgets them too. Another process catches up when its entries expire: one second for
// boards, one minute for badges.
import { clearBadgeCache } from "../badges/serve-badge";
import { clearBoardCache } from "../leaderboard/board-cache";

export function clearPublicCaches(): void {
  clearBoardCache();
  clearBadgeCache();
}
