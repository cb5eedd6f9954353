/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaNewBoardDialog: name, kind and template of a new board, and a Create
 * button. Creating is one undoable command; ::board-created hands the new
 * board to the window so it can select it.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_NEW_BOARD_DIALOG (obeya_new_board_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaNewBoardDialog, obeya_new_board_dialog, OBEYA, NEW_BOARD_DIALOG, AdwWindow)

ObeyaNewBoardDialog *obeya_new_board_dialog_new (GtkWindow      *parent,
                                                 ObeyaWorkspace *workspace);

G_END_DECLS
