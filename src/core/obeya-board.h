/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaBoard: a kanban board: columns (WIP limit, flow role), optional
 * swimlanes, cards, recurring standard work.
 *
 * Every operation below is an undoable command. The cards of a column in a
 * lane are a GListModel in display order (obeya_column_get_cell()): the UI
 * shows one list per cell and sees exact items-changed for every move.
 *
 * Lanes: a board either has no lanes (every card's lane is NULL) or at least
 * one, and then every active card is in one. Adding the first lane also
 * creates a "Standard" lane holding the existing cards.
 *
 * Deleted columns are kept, hidden, as "retired" columns, so the move
 * history of every card (and the flow metrics built on it) still knows
 * their names and roles.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"
#include "obeya-time.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_BOARD (obeya_board_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaBoard, obeya_board, OBEYA, BOARD, ObeyaEntity)

ObeyaBoard     *obeya_board_new                  (const char         *name,
                                                  ObeyaBoardKind      kind,
                                                  ObeyaBoardTemplate  template_);

ObeyaWorkspace *obeya_board_get_workspace        (ObeyaBoard *self);
const char     *obeya_board_get_name             (ObeyaBoard *self);
ObeyaBoardKind  obeya_board_get_kind             (ObeyaBoard *self);
gboolean        obeya_board_get_archived         (ObeyaBoard *self);
gboolean        obeya_board_get_sample           (ObeyaBoard *self);
gboolean        obeya_board_get_blocked_counts_wip (ObeyaBoard *self);

GListModel     *obeya_board_get_columns          (ObeyaBoard *self);
GListModel     *obeya_board_get_lanes            (ObeyaBoard *self);
/* Archived cards, most recently archived first. */
GListModel     *obeya_board_get_archived_cards   (ObeyaBoard *self);
GListModel     *obeya_board_get_recurrences      (ObeyaBoard *self);
/* Every card (active and archived), in creation order. */
GPtrArray      *obeya_board_get_cards            (ObeyaBoard *self);
guint           obeya_board_get_n_active_cards   (ObeyaBoard *self);
ObeyaCard      *obeya_board_find_card            (ObeyaBoard *self,
                                                  const char *id);
ObeyaColumn    *obeya_board_find_column          (ObeyaBoard *self,
                                                  const char *id);
ObeyaLane      *obeya_board_find_lane            (ObeyaBoard *self,
                                                  const char *id);
/* Column by id, active or retired (for reading move histories). */
ObeyaColumn    *obeya_board_lookup_column        (ObeyaBoard *self,
                                                  const char *id);
ObeyaColumn    *obeya_board_get_first_column_with_role (ObeyaBoard      *self,
                                                        ObeyaColumnRole  role);

/* WIP: cards counted toward the limit in @column (in @lane, or all lanes
 * for NULL); blocked cards count only when the board says so. */
guint           obeya_board_count_wip            (ObeyaBoard  *self,
                                                  ObeyaColumn *column,
                                                  ObeyaLane   *lane);
/* Cards in @lane in active columns (the lane's WIP). */
guint           obeya_board_count_lane_wip       (ObeyaBoard  *self,
                                                  ObeyaLane   *lane);
gboolean        obeya_board_column_over_limit    (ObeyaBoard  *self,
                                                  ObeyaColumn *column);
gboolean        obeya_board_lane_over_limit      (ObeyaBoard  *self,
                                                  ObeyaLane   *lane);

/* The add functions return the new object, owned by the board (transfer none). */

/* Columns. @position -1 appends. */
ObeyaColumn    *obeya_board_add_column           (ObeyaBoard      *self,
                                                  const char      *name,
                                                  ObeyaColumnRole  role,
                                                  int              position);
void            obeya_board_move_column          (ObeyaBoard  *self,
                                                  ObeyaColumn *column,
                                                  guint        position);
/* Its cards go to the end of @move_cards_to (same lanes), or are archived
 * when it is NULL. */
void            obeya_board_delete_column        (ObeyaBoard  *self,
                                                  ObeyaColumn *column,
                                                  ObeyaColumn *move_cards_to);

/* Lanes. */
ObeyaLane      *obeya_board_add_lane             (ObeyaBoard  *self,
                                                  const char  *name,
                                                  int          position);
void            obeya_board_move_lane            (ObeyaBoard  *self,
                                                  ObeyaLane   *lane,
                                                  guint        position);
/* Its cards go to @move_cards_to (NULL: the first other lane; when it is
 * the last lane the board goes back to having none). */
void            obeya_board_delete_lane          (ObeyaBoard  *self,
                                                  ObeyaLane   *lane,
                                                  ObeyaLane   *move_cards_to);

/* Cards. @position is the index in the target cell after the card left its
 * current place; -1 appends. */
ObeyaCard      *obeya_board_add_card             (ObeyaBoard  *self,
                                                  ObeyaColumn *column,
                                                  ObeyaLane   *lane,
                                                  int          position,
                                                  const char  *title);
/* Adds a card built elsewhere (detached; importers, recurrences, actions).
 * A NULL @lane on a board with lanes means the bottom lane. */
void            obeya_board_insert_card          (ObeyaBoard  *self,
                                                  ObeyaCard   *card,
                                                  ObeyaColumn *column,
                                                  ObeyaLane   *lane,
                                                  int          position);
void            obeya_board_move_card            (ObeyaBoard  *self,
                                                  ObeyaCard   *card,
                                                  ObeyaColumn *column,
                                                  ObeyaLane   *lane,
                                                  int          position);
void            obeya_board_archive_card         (ObeyaBoard *self,
                                                  ObeyaCard  *card);
/* Back to the end of its column (or the first column if that was deleted). */
void            obeya_board_restore_card         (ObeyaBoard *self,
                                                  ObeyaCard  *card);
void            obeya_board_delete_card          (ObeyaBoard *self,
                                                  ObeyaCard  *card);
/* Index of @card in its cell (or in the archive), -1 if not on this board. */
int             obeya_board_get_card_position    (ObeyaBoard *self,
                                                  ObeyaCard  *card);

/* Recurring standard work. */
void            obeya_board_add_recurrence       (ObeyaBoard      *self,
                                                  ObeyaRecurrence *recurrence);
void            obeya_board_remove_recurrence    (ObeyaBoard      *self,
                                                  ObeyaRecurrence *recurrence);
/* Creates the cards of every due occurrence (one command); returns how many. */
guint           obeya_board_run_recurrences      (ObeyaBoard      *self,
                                                  ObeyaDay         today);

G_END_DECLS
