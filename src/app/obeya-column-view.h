/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaColumnView: one column of a board view: the header (name, WIP count
 * against the limit, turning to a warning over it; the column menu), one
 * recycling card list per swimlane (a GtkListView over the core's cell
 * model through the board's filter), quick add, and the drop targets that
 * turn a dragged card into obeya_board_move_card().
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_COLUMN_VIEW (obeya_column_view_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaColumnView, obeya_column_view, OBEYA, COLUMN_VIEW, GtkWidget)

GtkWidget   *obeya_column_view_new            (ObeyaBoard  *board,
                                               ObeyaColumn *column,
                                               GtkFilter   *filter);
ObeyaColumn *obeya_column_view_get_column     (ObeyaColumnView *self);
/* Opens the quick-add entry of @lane (NULL: the bottom lane). */
void         obeya_column_view_start_quick_add (ObeyaColumnView *self,
                                                ObeyaLane       *lane);
/* Scrolls to @card (in this column) and gives its row the keyboard focus. */
gboolean     obeya_column_view_focus_card     (ObeyaColumnView *self,
                                               ObeyaCard       *card);
/* Recomputes the WIP counts (the board view calls it when cards change). */
void         obeya_column_view_update_counts  (ObeyaColumnView *self);

G_END_DECLS
