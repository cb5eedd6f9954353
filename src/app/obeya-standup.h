/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandup: the stand-up mode (DESIGN.md sections 1 and 2): a window
 * of its own, full screen, large type and high contrast, for the team at
 * the TV with a presentation clicker.
 *
 * Why a window of its own rather than a stack page of the main window:
 * the wall display (`obeya --wall FILE`) must show it without the main
 * window, and the huddle must not disturb the main window's state (the
 * board shown, a filter, open dialogs): leaving the stand-up puts the
 * team lead back exactly where they were. Both windows share the one
 * ObeyaDocument, so actions raised and the huddle recorded here go
 * through the same commands, undo history and autosave.
 *
 * Pages, in order: the agenda with the attendance row and the habit
 * (ObeyaStandupAgenda); the huddle metrics, when there are any, on one
 * page or, beyond OBEYA_STANDUP_MAX_TILES metrics, a page per category
 * (ObeyaStandupMetrics); one page per board that is not archived and has
 * cards, the board chosen for the huddle (the "huddle-board" setting)
 * first (ObeyaStandupBoard); the open actions (ObeyaStandupActions); the
 * 5S status, when the workspace has 5S areas (ObeyaStandupFives). The page
 * title, its summary, the page indicator, the countdown and the "data as
 * of" stamp (the time the file was last written) are always visible.
 *
 * Keys (also what presentation clickers send): Right, Page Down: next
 * page; Left, Page Up: previous page; Home, End: first, last page; on a
 * board page Down or Space walks the highlight one column to the left
 * (Up, Shift+Space back); P starts or pauses the countdown; A raises an
 * action; Ctrl+E enters today's numbers; F11 leaves or enters full
 * screen; Escape leaves.
 *
 * The huddle (OBEYA_STANDUP_MODE_HUDDLE): the countdown starts when the
 * window opens, from the agenda's total when the workspace has an agenda,
 * else from the "standup-minutes" setting; it turns amber in the last two
 * minutes and red, counting up, when over. Leaving asks "Record this
 * huddle?" and records its start, length (from opening to leaving, pauses
 * included), attendance and the actions raised during it
 * (obeya_metrics_record_huddle()); a huddle under a minute with nobody
 * marked present and nothing raised is not worth asking about. A
 * read-only workspace records nothing.
 *
 * The wall display (OBEYA_STANDUP_MODE_WALL): read-only, no countdown,
 * attendance or actions; it turns to the next page every
 * obeya_standup_get_rotate_seconds() (from the end back to the first),
 * inhibits the session's idle (no screen saver, no blanking), loads the
 * document if it is not loaded yet (retrying while it cannot be read) and
 * reloads it whenever the document reports ::file-changed, staying on the
 * same page.
 *
 * Actions: standup.next-page, standup.previous-page, standup.first-page,
 * standup.last-page, standup.walk ("i": columns to the left),
 * standup.toggle-timer, standup.raise-action ("s": a metric id or ""),
 * standup.enter-numbers, standup.toggle-fullscreen, standup.leave.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

typedef struct _ObeyaDocument ObeyaDocument;

typedef enum
{
  OBEYA_STANDUP_MODE_HUDDLE,
  OBEYA_STANDUP_MODE_WALL,
} ObeyaStandupMode;

/* Page kinds. */
typedef enum
{
  OBEYA_STANDUP_PAGE_AGENDA,
  OBEYA_STANDUP_PAGE_METRICS,
  OBEYA_STANDUP_PAGE_BOARD,
  OBEYA_STANDUP_PAGE_ACTIONS,
  OBEYA_STANDUP_PAGE_FIVES,
} ObeyaStandupPageKind;

/* Under two minutes left, the countdown turns amber. */
#define OBEYA_STANDUP_WARNING_SECONDS 120
/* A huddle shorter than this, with nobody present and nothing raised, is
 * left without asking whether to record it. */
#define OBEYA_STANDUP_MIN_RECORD_SECONDS 60
/* More metrics than this get a metrics page per category. */
#define OBEYA_STANDUP_MAX_TILES 12
/* The wall display retries an unreadable file this often. */
#define OBEYA_STANDUP_RETRY_SECONDS 10

#define OBEYA_TYPE_STANDUP (obeya_standup_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandup, obeya_standup, OBEYA, STANDUP, AdwWindow)

/* A stand-up over @document (loaded or, for the wall, not yet). It is
 * full screen once shown. @app may be NULL (tests). */
ObeyaStandup        *obeya_standup_new                (GtkApplication   *app,
                                                       ObeyaDocument    *document,
                                                       ObeyaStandupMode  mode);
ObeyaDocument       *obeya_standup_get_document       (ObeyaStandup     *self);
ObeyaStandupMode     obeya_standup_get_mode           (ObeyaStandup     *self);

/* ---- pages ------------------------------------------------------------------ */

guint                obeya_standup_get_n_pages        (ObeyaStandup     *self);
/* The page shown (0 before the workspace is loaded). */
guint                obeya_standup_get_page           (ObeyaStandup     *self);
void                 obeya_standup_set_page           (ObeyaStandup     *self,
                                                       guint             page);
ObeyaStandupPageKind obeya_standup_get_page_kind      (ObeyaStandup     *self,
                                                       guint             page);
/* "agenda", "metrics" (or "metrics:CATEGORY-ID"), "board:ID", "actions", "5s". */
const char          *obeya_standup_get_page_key       (ObeyaStandup     *self,
                                                       guint             page);
GtkWidget           *obeya_standup_get_page_widget    (ObeyaStandup     *self,
                                                       guint             page);
/* The title and summary shown over the page. */
const char          *obeya_standup_get_title          (ObeyaStandup     *self);
const char          *obeya_standup_get_subtitle       (ObeyaStandup     *self);

/* ---- the huddle --------------------------------------------------------------- */

/* The countdown's length, and what is left of it (negative when over). */
guint                obeya_standup_get_planned_seconds (ObeyaStandup    *self);
gint64               obeya_standup_get_remaining_seconds (ObeyaStandup  *self);
gboolean             obeya_standup_get_timer_running  (ObeyaStandup     *self);
void                 obeya_standup_set_timer_running  (ObeyaStandup     *self,
                                                       gboolean          running);
/* What the countdown shows: "12:34", "+1:05" when over. */
const char          *obeya_standup_get_timer_text     (ObeyaStandup     *self);
/* The agenda page (NULL before the workspace is loaded). */
GtkWidget           *obeya_standup_get_agenda         (ObeyaStandup     *self);
/* The cards raised as actions since the stand-up opened (of ObeyaCard). */
GPtrArray           *obeya_standup_dup_raised_actions (ObeyaStandup     *self);
/* Escape: asks whether to record the huddle (when there is one to
 * record), then closes. */
void                 obeya_standup_leave              (ObeyaStandup     *self);

/* The board walked first, remembered for this workspace (the
 * "huddle-board" setting); the main window passes the board it shows. */
void                 obeya_standup_set_huddle_board   (ObeyaStandup     *self,
                                                       ObeyaBoard       *board);

/* ---- the wall ----------------------------------------------------------------- */

guint                obeya_standup_get_rotate_seconds (ObeyaStandup     *self);
void                 obeya_standup_set_rotate_seconds (ObeyaStandup     *self,
                                                       guint             seconds);
/* How many times the workspace was (re)loaded while shown. */
guint                obeya_standup_get_n_loads        (ObeyaStandup     *self);

G_END_DECLS
