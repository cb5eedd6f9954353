/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaCardEditor: the dialog that shows and edits every field of a card.
 *
 * Instant-apply: each change is one core command (undoable from the main
 * window). The editor follows changes made elsewhere (undo, redo, another
 * dialog) and closes itself when the card or its board is deleted.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_CARD_EDITOR (obeya_card_editor_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaCardEditor, obeya_card_editor, OBEYA, CARD_EDITOR, AdwWindow)

/* @card must be on a board of a workspace. The editor is modal over
 * @parent; present it with gtk_window_present(). */
ObeyaCardEditor *obeya_card_editor_new      (GtkWindow       *parent,
                                             ObeyaCard       *card);
/* Presents an editor of the card with @card_id in @workspace, when there
 * is one on a board (a link to a deleted card opens nothing). */
void             obeya_card_editor_present_card (GtkWindow      *parent,
                                                 ObeyaWorkspace *workspace,
                                                 const char     *card_id);
ObeyaCard       *obeya_card_editor_get_card (ObeyaCardEditor *self);

G_END_DECLS
