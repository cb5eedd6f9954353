/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandupBoard: a board as the stand-up mode shows it on the TV: every
 * column side by side at the width of the screen, large type, read-only
 * (no drag and drop, no quick add, no menus), blocked and ageing cards
 * flagged in words and colour, and the walk: one column highlighted at a
 * time, starting at the rightmost (Done) and moving left towards the
 * backlog, as the team walks the board at the huddle.
 *
 * Ageing: a card in an active column whose age (days since commitment,
 * counted inclusively as the card face does) is above the board's 85th
 * percentile of cycle time (commitment to first entry into a done column)
 * over its finished cards, archived ones included. With fewer than
 * OBEYA_STANDUP_MIN_FINISHED finished cards there is no history worth a
 * percentile and the threshold is OBEYA_STANDUP_DEFAULT_AGEING_DAYS.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_STANDUP_AGEING_PERCENTILE   85
#define OBEYA_STANDUP_MIN_FINISHED        5
#define OBEYA_STANDUP_DEFAULT_AGEING_DAYS 10

#define OBEYA_TYPE_STANDUP_BOARD (obeya_standup_board_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandupBoard, obeya_standup_board, OBEYA, STANDUP_BOARD, GtkWidget)

GtkWidget   *obeya_standup_board_new              (ObeyaBoard        *board);
ObeyaBoard  *obeya_standup_board_get_board        (ObeyaStandupBoard *self);

/* The column the walk is at (NULL on a board without columns). */
ObeyaColumn *obeya_standup_board_get_walk_column  (ObeyaStandupBoard *self);
/* Moves the walk @steps columns to the left (negative: to the right),
 * stopping at either end; FALSE when it could not move. */
gboolean     obeya_standup_board_walk             (ObeyaStandupBoard *self,
                                                   int                steps);
/* Back to the rightmost column. */
void         obeya_standup_board_restart_walk     (ObeyaStandupBoard *self);

/* What the board page says about itself: the ageing threshold in days
 * and whether it is a percentile (else the default), the counts of
 * blocked and ageing cards. */
guint        obeya_standup_board_get_ageing_days  (ObeyaStandupBoard *self,
                                                   gboolean          *from_history);
guint        obeya_standup_board_get_n_blocked    (ObeyaStandupBoard *self);
guint        obeya_standup_board_get_n_ageing     (ObeyaStandupBoard *self);
/* TRUE for a card the page flags as ageing. */
gboolean     obeya_standup_board_is_ageing        (ObeyaStandupBoard *self,
                                                   ObeyaCard         *card);

/* The threshold for @board: the nearest-rank @OBEYA_STANDUP_AGEING_PERCENTILE
 * of the cycle times of its finished cards, or the default with fewer than
 * OBEYA_STANDUP_MIN_FINISHED of them. @n_finished (may be NULL) receives how
 * many finished cards there are. */
guint        obeya_standup_board_compute_ageing_days (ObeyaBoard     *board,
                                                      guint          *n_finished);

G_END_DECLS
