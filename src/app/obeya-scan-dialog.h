/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaScanDialog: the digital 5S folder scan of an audit's area. The
 * supervisor confirms or chooses the folder, starts the scan, which runs
 * on a worker thread (ObeyaFolderScan) with a progress bar and Cancel, and
 * reads the summary with the worst offenders (deepest folders, oldest
 * files, names that break the pattern, duplicates). "Attach to Audit"
 * stores it as evidence for the digital Sort and Set-in-order items. The
 * scan only reads: it never changes a file.
 */
#pragma once

#include <adwaita.h>

#include "obeya-folder-scan.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_SCAN_DIALOG (obeya_scan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaScanDialog, obeya_scan_dialog, OBEYA, SCAN_DIALOG, AdwWindow)

/* The folder offered is the area's (or the folder of the scan already
 * attached). */
ObeyaScanDialog *obeya_scan_dialog_new        (GtkWindow       *parent,
                                               ObeyaAudit      *audit);
const char      *obeya_scan_dialog_get_folder (ObeyaScanDialog *self);
/* Sets the folder to scan; when the area has none yet, it is saved as the
 * area's folder once a scan is attached. */
void             obeya_scan_dialog_set_folder (ObeyaScanDialog *self,
                                               const char      *folder);
/* The result of the last scan, or NULL (running, cancelled, not run). */
ObeyaScanResult *obeya_scan_dialog_get_result (ObeyaScanDialog *self);
gboolean         obeya_scan_dialog_is_running (ObeyaScanDialog *self);

G_END_DECLS
