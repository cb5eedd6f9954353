/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaWindow: one open workspace: the sidebar (My cards, the boards) and
 * the content (a board, My cards), the filter bar, banners for sample
 * content and for the file's state (conflict, read-only), toasts with undo.
 */
#pragma once

#include <adwaita.h>

#include "obeya-application.h"
#include "obeya-types.h"

G_BEGIN_DECLS

typedef struct _ObeyaDocument ObeyaDocument;

#define OBEYA_TYPE_WINDOW (obeya_window_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaWindow, obeya_window, OBEYA, WINDOW, AdwApplicationWindow)

ObeyaWindow    *obeya_window_new            (ObeyaApplication *app);

/* Loads @path on a worker thread and shows it (or the error, with the newest
 * backup on offer). */
void            obeya_window_open_path      (ObeyaWindow      *self,
                                             const char       *path,
                                             gboolean          read_only);
/* Shows an already loaded or new document. */
void            obeya_window_set_document   (ObeyaWindow      *self,
                                             ObeyaDocument    *document);
ObeyaDocument  *obeya_window_get_document   (ObeyaWindow      *self);
ObeyaWorkspace *obeya_window_get_workspace  (ObeyaWindow      *self);
ObeyaBoard     *obeya_window_get_board      (ObeyaWindow      *self);
void            obeya_window_select_board   (ObeyaWindow      *self,
                                             ObeyaBoard       *board);
/* Shows the daily huddle page. */
void            obeya_window_show_huddle    (ObeyaWindow      *self);
void            obeya_window_show_toast     (ObeyaWindow      *self,
                                             const char       *message,
                                             gboolean          with_undo);

G_END_DECLS
