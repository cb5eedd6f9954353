/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaColumn: a column of a board, with a WIP limit and a flow role.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_COLUMN (obeya_column_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaColumn, obeya_column, OBEYA, COLUMN, ObeyaEntity)

const char * obeya_column_get_name (ObeyaColumn *self);
ObeyaColumnRole obeya_column_get_role (ObeyaColumn *self);
guint obeya_column_get_wip_limit (ObeyaColumn *self);
gboolean obeya_column_get_collapsed (ObeyaColumn *self);

ObeyaColumn    *obeya_column_new         (const char      *name,
                                          ObeyaColumnRole  role);
ObeyaBoard     *obeya_column_get_board   (ObeyaColumn     *self);
/* The cards of this column in @lane (NULL on a board without lanes), in
 * display order. Change it only through the board's operations. */
GListModel     *obeya_column_get_cell    (ObeyaColumn     *self,
                                          ObeyaLane       *lane);
/* All cards in the column, every lane. */
guint           obeya_column_get_n_cards (ObeyaColumn     *self);

G_END_DECLS
