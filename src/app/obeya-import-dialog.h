/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaImportDialog: import metric entries from a CSV file (columns date,
 * metric, value, and optionally note and reason; see obeya-metric-import.h).
 * After a file is chosen it shows a preview of every row (new, changed or
 * unchanged) and every bad row's error with its line number. Import is
 * offered only when no row is bad, and imports every row as one undoable
 * command; otherwise the dialog says that nothing will be imported and why.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_IMPORT_DIALOG (obeya_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaImportDialog, obeya_import_dialog, OBEYA, IMPORT_DIALOG, AdwWindow)

GtkWidget *obeya_import_dialog_new        (GtkWindow         *parent,
                                           ObeyaWorkspace    *workspace);
/* Reads @path (asynchronously) and shows its preview. */
void       obeya_import_dialog_load_path  (ObeyaImportDialog *self,
                                           const char        *path);
/* Shows the preview of @text as if read from a file named @name. */
void       obeya_import_dialog_set_text   (ObeyaImportDialog *self,
                                           const char        *text,
                                           gssize             length,
                                           const char        *name);
guint      obeya_import_dialog_get_n_rows   (ObeyaImportDialog *self);
guint      obeya_import_dialog_get_n_errors (ObeyaImportDialog *self);
/* The Import button's state. */
gboolean   obeya_import_dialog_can_import (ObeyaImportDialog *self);
/* Imports (the Import button); FALSE when there is nothing importable. */
gboolean   obeya_import_dialog_import     (ObeyaImportDialog *self);

G_END_DECLS
