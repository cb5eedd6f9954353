/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaBoardView: a kanban board: its columns side by side (each an
 * ObeyaColumnView with one recycling list per swimlane), horizontally
 * scrolled, filtered by a GtkFilter over cards.
 *
 * Keyboard: the actions below act on the card whose row has the focus.
 *   board.move-card ("left", "right", "up", "down", "lane-up", "lane-down")
 *   board.toggle-blocked, board.archive-card, board.delete-card,
 *   board.add-card (quick add in the focused column), board.open-card (id)
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_BOARD_VIEW (obeya_board_view_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaBoardView, obeya_board_view, OBEYA, BOARD_VIEW, GtkWidget)

GtkWidget  *obeya_board_view_new              (void);
ObeyaBoard *obeya_board_view_get_board        (ObeyaBoardView *self);
void        obeya_board_view_set_board        (ObeyaBoardView *self,
                                               ObeyaBoard     *board);
GtkFilter  *obeya_board_view_get_filter       (ObeyaBoardView *self);
void        obeya_board_view_set_filter       (ObeyaBoardView *self,
                                               GtkFilter      *filter);
/* The card whose row has the keyboard focus, if any. */
ObeyaCard  *obeya_board_view_get_focused_card (ObeyaBoardView *self);
gboolean    obeya_board_view_focus_card       (ObeyaBoardView *self,
                                               ObeyaCard      *card);

G_END_DECLS
