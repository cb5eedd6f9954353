/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaWorkspace: one document, one JSON file (DESIGN.md sections 2 and 3).
 *
 * Loading is safe on any thread (it touches no main context); everything
 * else belongs to the main thread. Every user edit goes through a command
 * (see obeya-history.h) and, when committed, emits ::changed, which is what
 * the document's autosave listens to.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OBEYA_WORKSPACE_FORMAT  "obeya-workspace"
/* The file version this build writes. Older files migrate forward on load. */
#define OBEYA_WORKSPACE_VERSION 1

#define OBEYA_WORKSPACE_ERROR (obeya_workspace_error_quark ())

typedef enum
{
  OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE, /* valid JSON, but not an Obeya workspace */
  OBEYA_WORKSPACE_ERROR_INVALID,         /* dangling reference, duplicate id, bad value */
} ObeyaWorkspaceError;

#define OBEYA_TYPE_WORKSPACE (obeya_workspace_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaWorkspace, obeya_workspace, OBEYA, WORKSPACE, GObject)

GQuark          obeya_workspace_error_quark   (void);

ObeyaWorkspace *obeya_workspace_new           (void);

/* Parses and validates @bytes (see obeya-json.h for the syntax checks).
 * Errors are OBEYA_JSON_ERROR (syntax, with line and column; bad member,
 * with its path) or OBEYA_WORKSPACE_ERROR. A file of a newer version loads
 * when it can, read-only (obeya_workspace_get_read_only()). */
ObeyaWorkspace *obeya_workspace_load          (GBytes          *bytes,
                                               GError         **error);

/* Serialises the whole workspace: stable, pretty, byte-identical for
 * unchanged data. Main thread. */
GBytes         *obeya_workspace_save          (ObeyaWorkspace  *self,
                                               GError         **error);

/* The version found in the loaded file (OBEYA_WORKSPACE_VERSION for a new one). */
guint           obeya_workspace_get_file_version (ObeyaWorkspace *self);
/* TRUE when the file came from a newer Obeya: never written back. */
gboolean        obeya_workspace_get_read_only (ObeyaWorkspace  *self);

const char     *obeya_workspace_get_name      (ObeyaWorkspace  *self);
void            obeya_workspace_set_name      (ObeyaWorkspace  *self,
                                               const char      *name);

/* One line for `obeya validate`: "3 boards, 412 cards, 6 metrics, 18 audits". */
char           *obeya_workspace_dup_summary   (ObeyaWorkspace  *self);

/* Emitted after every committed change (edit, undo, redo). */
void            obeya_workspace_emit_changed  (ObeyaWorkspace  *self);

G_END_DECLS
