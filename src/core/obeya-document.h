/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaDocument: one open workspace file.
 *
 * It owns the path, the ObeyaWorkspace and the etag of the last load or
 * save, and keeps the file up to date:
 *
 *  - Loading (file read, JSON check and parse, model build) runs on a worker
 *    thread; errors keep the domain and code of the layer that failed
 *    (G_IO_ERROR, OBEYA_JSON_ERROR with line and column or member path,
 *    OBEYA_WORKSPACE_ERROR).
 *  - Autosave: every ObeyaWorkspace::changed marks the document dirty and
 *    restarts a debounce timer (1 s); when it fires, the workspace is
 *    serialised on the main thread and written on a worker thread with
 *    obeya_file_save(), passing the etag of the last load or save. At most
 *    one save is in flight; changes made meanwhile schedule another.
 *  - Conflicts: when the file changed on disk since the last load or save
 *    (the etag check of a save, or the periodic poll while dirty), nothing
 *    is overwritten: the state becomes CONFLICT and ::conflict is emitted.
 *    The application then offers obeya_document_reload_async() or
 *    obeya_document_save_as_async().
 *  - External changes: the etag is polled every few seconds (GFileMonitor
 *    misses edits made on another machine over NFS/SMB). When the document
 *    is clean and the file changed, ::file-changed is emitted (once per
 *    change); a wall display reloads on it.
 *  - Read-only documents (opened read-only, or a file from a newer Obeya)
 *    never write; their edits are not saved.
 *  - For quitting, obeya_document_flush_async() completes when the last save
 *    has finished; the application holds itself until then.
 *
 * Everything here belongs to the main thread (timers and completions run in
 * GLib's global default main context). Dropping the last reference does not
 * save: flush first. Worker threads never hold a reference to the document,
 * so it is always disposed on the main thread.
 */
#pragma once

#include <gio/gio.h>

#include "obeya-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  OBEYA_DOCUMENT_STATE_CLEAN,      /* the file holds what is shown (or nothing is loaded yet) */
  OBEYA_DOCUMENT_STATE_DIRTY,      /* changes wait for the autosave */
  OBEYA_DOCUMENT_STATE_SAVING,     /* a save is being written */
  OBEYA_DOCUMENT_STATE_CONFLICT,   /* the file changed on disk: not saving (reload or save as) */
  OBEYA_DOCUMENT_STATE_READ_ONLY,  /* never written */
  OBEYA_DOCUMENT_STATE_ERROR,      /* the last save or load failed (see :error); retried */
} ObeyaDocumentState;

#define OBEYA_TYPE_DOCUMENT_STATE (obeya_document_state_get_type ())
GType obeya_document_state_get_type (void);

/* Defaults, in milliseconds. */
#define OBEYA_DOCUMENT_AUTOSAVE_DELAY 1000
#define OBEYA_DOCUMENT_POLL_INTERVAL  5000
/* Backup generations kept beside the file (see obeya-file.h). */
#define OBEYA_DOCUMENT_N_BACKUPS      10

#define OBEYA_TYPE_DOCUMENT (obeya_document_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaDocument, obeya_document, OBEYA, DOCUMENT, GObject)

/* A document for the file at @path, not loaded yet: call
 * obeya_document_load_async(). @read_only documents never write. */
ObeyaDocument      *obeya_document_new_for_path      (const char          *path,
                                                      gboolean             read_only);
/* A new workspace, not saved yet. With a @path, the first autosave creates
 * that file (and never overwrites an existing one: CONFLICT); with NULL,
 * nothing is written until obeya_document_save_as_async(). */
ObeyaDocument      *obeya_document_new_for_workspace (ObeyaWorkspace      *workspace,
                                                      const char          *path);

/* Reads and builds the workspace on a worker thread. On failure nothing
 * changes (a loaded workspace stays as it was) and :error is set. */
void                obeya_document_load_async        (ObeyaDocument       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            obeya_document_load_finish       (ObeyaDocument       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Loads the file again, dropping unsaved changes (after a conflict, or on
 * ::file-changed). The workspace is replaced (notify::workspace). */
void                obeya_document_reload_async      (ObeyaDocument       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            obeya_document_reload_finish     (ObeyaDocument       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Saves now if there are unsaved changes and completes when the document is
 * clean; fails in the CONFLICT and READ_ONLY states, without a path, or when
 * the save fails. obeya_document_flush_async() is the same, named for
 * quitting: hold the application until it completes. */
void                obeya_document_save_async        (ObeyaDocument       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            obeya_document_save_finish       (ObeyaDocument       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void                obeya_document_flush_async       (ObeyaDocument       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            obeya_document_flush_finish      (ObeyaDocument       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Writes the workspace to @path (replacing a file there: the caller has
 * asked the user) and makes it the document's file. Works from the
 * CONFLICT state, which it resolves. */
void                obeya_document_save_as_async     (ObeyaDocument       *self,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            obeya_document_save_as_finish    (ObeyaDocument       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

ObeyaWorkspace     *obeya_document_get_workspace     (ObeyaDocument       *self);
const char         *obeya_document_get_path          (ObeyaDocument       *self);
/* The workspace name, else the file name, else "Untitled workspace". */
const char         *obeya_document_get_title         (ObeyaDocument       *self);
ObeyaDocumentState  obeya_document_get_state         (ObeyaDocument       *self);
gboolean            obeya_document_get_read_only     (ObeyaDocument       *self);
/* The error of the last failed load or save, NULL after a success. */
const GError       *obeya_document_get_error         (ObeyaDocument       *self);
/* The etag of the last load or save (NULL before). */
const char         *obeya_document_get_etag          (ObeyaDocument       *self);
/* Backups of the file, newest first (see obeya_file_list_backups()). */
char              **obeya_document_list_backups      (ObeyaDocument       *self);

/* Tuning (milliseconds; a poll interval of 0 stops polling). */
void                obeya_document_set_autosave_delay (ObeyaDocument      *self,
                                                       guint               delay_ms);
void                obeya_document_set_poll_interval  (ObeyaDocument      *self,
                                                       guint               interval_ms);
void                obeya_document_set_n_backups      (ObeyaDocument      *self,
                                                       guint               n_backups);

G_END_DECLS
