/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaArchiveDialog: a board's archived cards, searchable, each with
 * Restore and Delete. A recycling GtkListView: it stays fast with thousands.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_ARCHIVE_DIALOG (obeya_archive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaArchiveDialog, obeya_archive_dialog, OBEYA, ARCHIVE_DIALOG, AdwWindow)

/* @board must be in a workspace. */
ObeyaArchiveDialog *obeya_archive_dialog_new (GtkWindow  *parent,
                                              ObeyaBoard *board);

G_END_DECLS
