/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "obeya-document.h"
#include "obeya-file.h"

struct _ObeyaDocument
{
  GObject         parent_instance;

  char           *path;
  ObeyaWorkspace *workspace;
  gulong          changed_id;
  gulong          name_id;
  char           *etag;          /* of the last load or save; NULL: the file is not ours yet */
  char           *title;
  GError         *error;         /* of the last failed load or save */

  /* Dirty is change_count != saved_count. */
  guint64         change_count;
  guint64         saved_count;

  guint           read_only_requested : 1;
  guint           conflict : 1;
  guint           failed : 1;     /* the last save (or the first load) failed */
  guint           save_soon : 1;  /* save again as soon as the save in flight ends */
  guint           poll_in_flight : 1;

  ObeyaDocumentState notified_state; /* the :state last notified */

  guint           generation;     /* bumped by every (re)load: stale results are ignored */
  guint           save_serial;    /* bumped by every save started */

  GTask          *in_flight;      /* the save being written */
  GList          *waiters;        /* save/flush tasks completed when clean or on failure */
  GTask          *save_as;        /* a pending save-as */
  char           *save_as_path;

  char           *notified_etag;  /* the external change ::file-changed was emitted for */

  guint           autosave_delay;
  guint           poll_interval;
  guint           n_backups;
  guint           autosave_id;
  guint           poll_id;
};

G_DEFINE_FINAL_TYPE (ObeyaDocument, obeya_document, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ObeyaDocumentState, obeya_document_state,
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_CLEAN, "clean"),
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_DIRTY, "dirty"),
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_SAVING, "saving"),
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_CONFLICT, "conflict"),
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_READ_ONLY, "read-only"),
  G_DEFINE_ENUM_VALUE (OBEYA_DOCUMENT_STATE_ERROR, "error"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_WORKSPACE,
  PROP_STATE,
  PROP_READ_ONLY,
  PROP_ERROR,
  N_PROPS
};

enum {
  SAVE_FAILED,
  CONFLICT,
  FILE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save (ObeyaDocument *self);

/* ---- Derived state -------------------------------------------------------------- */

static gboolean
is_dirty (ObeyaDocument *self)
{
  return self->change_count != self->saved_count;
}

gboolean
obeya_document_get_read_only (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), TRUE);

  return self->read_only_requested ||
         (self->workspace != NULL && obeya_workspace_get_read_only (self->workspace));
}

ObeyaDocumentState
obeya_document_get_state (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), OBEYA_DOCUMENT_STATE_ERROR);

  if (obeya_document_get_read_only (self))
    return OBEYA_DOCUMENT_STATE_READ_ONLY;
  if (self->conflict)
    return OBEYA_DOCUMENT_STATE_CONFLICT;
  if (self->in_flight != NULL)
    return OBEYA_DOCUMENT_STATE_SAVING;
  if (self->failed)
    return OBEYA_DOCUMENT_STATE_ERROR;
  if (is_dirty (self))
    return OBEYA_DOCUMENT_STATE_DIRTY;
  return OBEYA_DOCUMENT_STATE_CLEAN;
}

/* Call after anything the state derives from changed: notifies :state
 * (and :read-only) when it did change. */
static void
update_state (ObeyaDocument *self)
{
  ObeyaDocumentState state = obeya_document_get_state (self);

  if (state == self->notified_state)
    return;
  if (state == OBEYA_DOCUMENT_STATE_READ_ONLY ||
      self->notified_state == OBEYA_DOCUMENT_STATE_READ_ONLY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  self->notified_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_title (ObeyaDocument *self)
{
  const char *name = self->workspace != NULL ? obeya_workspace_get_name (self->workspace) : NULL;
  g_autofree char *title = NULL;

  if (name != NULL && name[0] != '\0')
    title = g_strdup (name);
  else if (self->path != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      title = g_filename_display_name (base);
    }
  else
    title = g_strdup (_("Untitled workspace"));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
set_error (ObeyaDocument *self,
           const GError  *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_path (ObeyaDocument *self,
          const char    *path)
{
  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  update_title (self);
}

/* ---- Waiters (save, flush) ------------------------------------------------------- */

/* Completes every waiting save/flush: with @error, or TRUE when NULL. */
static void
complete_waiters (ObeyaDocument *self,
                  const GError  *error)
{
  GList *waiters = g_steal_pointer (&self->waiters);

  for (GList *l = waiters; l != NULL; l = l->next)
    {
      GTask *task = l->data;

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  g_list_free (waiters);
}

/* ---- Autosave --------------------------------------------------------------------- */

static gboolean
autosave_cb (gpointer user_data)
{
  ObeyaDocument *self = user_data;

  self->autosave_id = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (ObeyaDocument *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->conflict || self->path == NULL || obeya_document_get_read_only (self))
    return;
  self->autosave_id = g_timeout_add (self->autosave_delay, autosave_cb, self);
}

static void
workspace_changed_cb (ObeyaDocument *self)
{
  if (obeya_document_get_read_only (self))
    return;

  self->change_count++;
  if (self->in_flight == NULL)
    schedule_autosave (self);
  update_state (self);
}

static void
enter_conflict (ObeyaDocument *self,
                const GError  *error)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->conflict = TRUE;
  set_error (self, error);
  complete_waiters (self, error);
  update_state (self);
  g_signal_emit (self, signals[CONFLICT], 0);
}

typedef struct
{
  GBytes   *bytes;
  char     *path;
  char     *expected_etag;
  guint     n_backups;
  guint64   change_count;  /* what the bytes hold */
  guint     generation;
  gboolean  is_save_as;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->path);
  g_free (data->expected_etag);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  char *new_etag = NULL;

  if (obeya_file_save (data->path, data->bytes, data->expected_etag, data->n_backups,
                       &new_etag, &error))
    g_task_return_pointer (task, new_etag, g_free);
  else
    g_task_return_error (task, error);
}

/* What to do once no save is in flight. */
static void
after_save (ObeyaDocument *self)
{
  gboolean soon = self->save_soon;

  self->save_soon = FALSE;
  if (self->save_as != NULL)
    start_save (self);
  else if (is_dirty (self) && !self->conflict && !self->failed &&
           (soon || self->waiters != NULL))
    start_save (self);
  else if (is_dirty (self) && !self->failed)
    schedule_autosave (self);
  else if (!is_dirty (self))
    complete_waiters (self, NULL);
}

/* Applies the outcome of a save (or of its serialisation). */
static void
save_finished (ObeyaDocument *self,
               SaveData      *data,
               char          *new_etag,
               GError        *error)
{
  g_autoptr(GTask) save_as = data->is_save_as ? g_steal_pointer (&self->save_as) : NULL;

  if (data->is_save_as)
    g_clear_pointer (&self->save_as_path, g_free);

  if (data->generation != self->generation)
    {
      /* A reload replaced the workspace meanwhile: this result is stale. */
      if (save_as != NULL)
        {
          if (error != NULL)
            g_task_return_error (save_as, g_error_copy (error));
          else
            g_task_return_boolean (save_as, TRUE);
        }
      g_free (new_etag);
      g_clear_error (&error);
      update_state (self);
      after_save (self);
      return;
    }

  if (error == NULL)
    {
      g_free (self->etag);
      self->etag = new_etag;
      self->saved_count = data->change_count;
      self->failed = FALSE;
      set_error (self, NULL);
      if (data->is_save_as)
        {
          self->conflict = FALSE;
          /* A file opened read-only (a backup) saved elsewhere is the
           * user's copy: later edits save to it. */
          self->read_only_requested = FALSE;
          g_clear_pointer (&self->notified_etag, g_free);
          set_path (self, data->path);
        }
      if (save_as != NULL)
        g_task_return_boolean (save_as, TRUE);
      update_state (self);
    }
  else if (data->is_save_as)
    {
      set_error (self, error);
      g_task_return_error (save_as, g_error_copy (error));
      update_state (self);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      enter_conflict (self, error);
    }
  else
    {
      self->failed = TRUE;
      set_error (self, error);
      complete_waiters (self, error);
      update_state (self);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }
  g_clear_error (&error);

  after_save (self);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ObeyaDocument) self = user_data;
  GTask *task = G_TASK (result);
  GError *error = NULL;
  char *new_etag = g_task_propagate_pointer (task, &error);

  g_assert (task == self->in_flight);
  g_clear_object (&self->in_flight);
  save_finished (self, g_task_get_task_data (task), new_etag, error);
}

/* Serialises (main thread) and starts writing (worker thread). */
static void
start_save (ObeyaDocument *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;
  gint64 start;
  SaveData *data;
  gboolean is_save_as = self->save_as != NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->in_flight != NULL)
    {
      self->save_soon = TRUE;
      return;
    }

  if (!is_save_as)
    {
      if (!is_dirty (self) || self->workspace == NULL)
        {
          complete_waiters (self, NULL);
          return;
        }
      if (obeya_document_get_read_only (self) || self->conflict || self->path == NULL)
        {
          g_autoptr(GError) refused = NULL;

          if (self->path == NULL)
            refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                                           _("This workspace has not been saved to a file yet"));
          else if (self->conflict)
            refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                           _("The file was changed by someone else: reload it or save under another name"));
          else
            refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                                           _("This workspace is open read-only"));
          complete_waiters (self, refused);
          return;
        }
    }

  data = g_new0 (SaveData, 1);
  data->path = g_strdup (is_save_as ? self->save_as_path : self->path);
  /* Save as replaces what is there (the user confirmed); a new document
   * creates its file and never replaces one. */
  data->expected_etag = is_save_as ? NULL
                                   : g_strdup (self->etag != NULL ? self->etag
                                                                  : OBEYA_FILE_ETAG_ABSENT);
  data->n_backups = self->n_backups;
  data->change_count = self->change_count;
  data->generation = self->generation;
  data->is_save_as = is_save_as;

  start = g_get_monotonic_time ();
  bytes = obeya_workspace_save (self->workspace, &error);
  g_debug ("Serialised “%s” in %.1f ms (%zu bytes)", data->path,
           (g_get_monotonic_time () - start) / 1000.0,
           bytes != NULL ? g_bytes_get_size (bytes) : 0);
  if (bytes == NULL)
    {
      save_finished (self, data, NULL, g_steal_pointer (&error));
      save_data_free (data);
      return;
    }
  data->bytes = g_steal_pointer (&bytes);

  /* The worker thread may drop the last reference to a task: the task holds
   * none to the document, whose reference ends on the main thread in the
   * callback. */
  task = g_task_new (NULL, NULL, save_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  self->in_flight = g_object_ref (task);
  self->save_serial++;
  g_task_run_in_thread (task, save_thread);
  update_state (self);
}

/* ---- Polling the file ---------------------------------------------------------- */

typedef struct
{
  char  *path;
  guint  generation;
  guint  save_serial;
} PollData;

static void
poll_data_free (PollData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PollData *data = task_data;
  GError *error = NULL;
  char *etag = obeya_file_get_etag (data->path, &error);

  if (etag != NULL)
    g_task_return_pointer (task, etag, g_free);
  else
    g_task_return_error (task, error);
}

static void
poll_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ObeyaDocument) self = user_data;
  PollData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *etag = g_task_propagate_pointer (G_TASK (result), NULL);

  self->poll_in_flight = FALSE;

  /* Missing (a remote replace briefly deletes it) or unreadable: try again
   * at the next poll. A save or load since the poll began: stale. */
  if (etag == NULL || data->generation != self->generation ||
      data->save_serial != self->save_serial || self->in_flight != NULL ||
      g_strcmp0 (data->path, self->path) != 0 || self->conflict)
    return;

  if (self->etag == NULL || g_strcmp0 (etag, self->etag) == 0)
    return;

  if (is_dirty (self) && !obeya_document_get_read_only (self))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *display = g_filename_display_name (self->path);

      error = g_error_new (G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("“%s” was changed by someone else since it was opened"), display);
      enter_conflict (self, error);
    }
  else if (g_strcmp0 (etag, self->notified_etag) != 0)
    {
      g_free (self->notified_etag);
      self->notified_etag = g_steal_pointer (&etag);
      g_signal_emit (self, signals[FILE_CHANGED], 0);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  ObeyaDocument *self = user_data;
  g_autoptr(GTask) task = NULL;
  PollData *data;

  if (self->poll_in_flight || self->in_flight != NULL || self->path == NULL ||
      self->etag == NULL)
    return G_SOURCE_CONTINUE;

  /* A failed save (network share away, disk full) is retried from here. */
  if (self->failed && is_dirty (self))
    {
      self->failed = FALSE;
      start_save (self);
      return G_SOURCE_CONTINUE;
    }

  data = g_new0 (PollData, 1);
  data->path = g_strdup (self->path);
  data->generation = self->generation;
  data->save_serial = self->save_serial;

  self->poll_in_flight = TRUE;
  task = g_task_new (NULL, NULL, poll_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, poll_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) poll_data_free);
  g_task_run_in_thread (task, poll_thread);
  return G_SOURCE_CONTINUE;
}

static void
restart_polling (ObeyaDocument *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->poll_interval > 0)
    self->poll_id = g_timeout_add (self->poll_interval, poll_cb, self);
}

/* ---- Loading ---------------------------------------------------------------------- */

typedef struct
{
  ObeyaWorkspace *workspace;
  char           *etag;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->workspace);
  g_free (loaded->etag);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  GError *error = NULL;
  Loaded *loaded;

  if (!obeya_file_load (path, &bytes, &etag, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  workspace = obeya_workspace_load (bytes, &error);
  if (workspace == NULL)
    {
      /* Name the file: the message alone says only where inside it. */
      g_prefix_error (&error, _("Could not open “%s”: "), path);
      g_task_return_error (task, error);
      return;
    }

  loaded = g_new0 (Loaded, 1);
  loaded->workspace = g_steal_pointer (&workspace);
  loaded->etag = g_steal_pointer (&etag);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
set_workspace (ObeyaDocument  *self,
               ObeyaWorkspace *workspace)
{
  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->workspace);
      g_clear_signal_handler (&self->name_id, self->workspace);
      g_clear_object (&self->workspace);
    }
  if (workspace != NULL)
    {
      self->workspace = g_object_ref (workspace);
      self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                                   G_CALLBACK (workspace_changed_cb), self);
      self->name_id = g_signal_connect_swapped (workspace, "notify::name",
                                                G_CALLBACK (update_title), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  update_title (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  ObeyaDocument *self = g_task_get_source_object (outer);
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (loaded == NULL)
    {
      set_error (self, error);
      if (self->workspace == NULL)
        self->failed = TRUE;
      update_state (self);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* Unsaved changes are dropped: whoever waited for them to be saved is told. */
  if (self->waiters != NULL)
    {
      g_autoptr(GError) dropped =
        g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The changes were dropped when the file was loaded again"));

      complete_waiters (self, dropped);
    }

  self->generation++;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_free (self->etag);
  self->etag = g_steal_pointer (&loaded->etag);
  self->change_count = self->saved_count = 0;
  self->conflict = FALSE;
  self->failed = FALSE;
  self->save_soon = FALSE;
  g_clear_pointer (&self->notified_etag, g_free);
  set_error (self, NULL);
  set_workspace (self, loaded->workspace);
  loaded_free (loaded);
  restart_polling (self);
  update_state (self);

  g_task_return_boolean (outer, TRUE);
}

void
obeya_document_load_async (ObeyaDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (OBEYA_IS_DOCUMENT (self));
  g_return_if_fail (self->path != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, obeya_document_load_async);

  /* The inner task (run in a thread) refers to the document only through
   * @outer, released on the main thread in load_done_cb(). */
  inner = g_task_new (NULL, cancellable, load_done_cb, outer);
  g_task_set_source_tag (inner, load_thread);
  g_task_set_task_data (inner, g_strdup (self->path), g_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
obeya_document_load_finish (ObeyaDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
obeya_document_reload_async (ObeyaDocument       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  obeya_document_load_async (self, cancellable, callback, user_data);
}

gboolean
obeya_document_reload_finish (ObeyaDocument  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return obeya_document_load_finish (self, result, error);
}

/* ---- Save, flush, save as ------------------------------------------------------- */

void
obeya_document_save_async (ObeyaDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (OBEYA_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, obeya_document_save_async);

  if (!is_dirty (self) && self->in_flight == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  self->waiters = g_list_append (self->waiters, task);
  if (self->in_flight == NULL)
    start_save (self);
  else
    self->save_soon = TRUE;
}

gboolean
obeya_document_save_finish (ObeyaDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
obeya_document_flush_async (ObeyaDocument       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  obeya_document_save_async (self, cancellable, callback, user_data);
}

gboolean
obeya_document_flush_finish (ObeyaDocument  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return obeya_document_save_finish (self, result, error);
}

void
obeya_document_save_as_async (ObeyaDocument       *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OBEYA_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, obeya_document_save_as_async);

  if (self->save_as != NULL || self->workspace == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               self->workspace == NULL ? _("Nothing is loaded to save")
                                                       : _("Another “save as” is in progress"));
      return;
    }

  self->save_as = g_steal_pointer (&task);
  self->save_as_path = g_strdup (path);
  start_save (self);
}

gboolean
obeya_document_save_as_finish (ObeyaDocument  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Accessors ---------------------------------------------------------------------- */

ObeyaWorkspace *
obeya_document_get_workspace (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);
  return self->workspace;
}

const char *
obeya_document_get_path (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);
  return self->path;
}

const char *
obeya_document_get_title (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);
  return self->title;
}

const GError *
obeya_document_get_error (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);
  return self->error;
}

const char *
obeya_document_get_etag (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);
  return self->etag;
}

char **
obeya_document_list_backups (ObeyaDocument *self)
{
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (self), NULL);

  if (self->path == NULL)
    return g_new0 (char *, 1);
  return obeya_file_list_backups (self->path);
}

void
obeya_document_set_autosave_delay (ObeyaDocument *self,
                                   guint          delay_ms)
{
  g_return_if_fail (OBEYA_IS_DOCUMENT (self));

  self->autosave_delay = delay_ms;
  if (self->autosave_id != 0)
    schedule_autosave (self);
}

void
obeya_document_set_poll_interval (ObeyaDocument *self,
                                  guint          interval_ms)
{
  g_return_if_fail (OBEYA_IS_DOCUMENT (self));

  self->poll_interval = interval_ms;
  restart_polling (self);
}

void
obeya_document_set_n_backups (ObeyaDocument *self,
                              guint          n_backups)
{
  g_return_if_fail (OBEYA_IS_DOCUMENT (self));
  self->n_backups = n_backups;
}

/* ---- GObject ------------------------------------------------------------------------ */

ObeyaDocument *
obeya_document_new_for_path (const char *path,
                             gboolean    read_only)
{
  ObeyaDocument *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_DOCUMENT, "path", path, NULL);
  self->read_only_requested = read_only;
  return self;
}

ObeyaDocument *
obeya_document_new_for_workspace (ObeyaWorkspace *workspace,
                                  const char     *path)
{
  ObeyaDocument *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_DOCUMENT, "path", path, NULL);
  set_workspace (self, workspace);
  /* Never written: dirty until the first save. */
  self->change_count = 1;
  restart_polling (self);
  schedule_autosave (self);
  update_state (self);
  return self;
}

static void
obeya_document_dispose (GObject *object)
{
  ObeyaDocument *self = OBEYA_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->workspace);
      g_clear_signal_handler (&self->name_id, self->workspace);
      g_clear_object (&self->workspace);
    }

  G_OBJECT_CLASS (obeya_document_parent_class)->dispose (object);
}

static void
obeya_document_finalize (GObject *object)
{
  ObeyaDocument *self = OBEYA_DOCUMENT (object);

  /* In-flight tasks hold a reference: nothing can be pending here. */
  g_assert (self->in_flight == NULL);
  g_assert (self->waiters == NULL);
  g_assert (self->save_as == NULL);

  g_free (self->path);
  g_free (self->etag);
  g_free (self->title);
  g_free (self->save_as_path);
  g_free (self->notified_etag);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (obeya_document_parent_class)->finalize (object);
}

static void
obeya_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ObeyaDocument *self = OBEYA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_STATE:
      g_value_set_enum (value, obeya_document_get_state (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, obeya_document_get_read_only (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ObeyaDocument *self = OBEYA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      update_title (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_document_class_init (ObeyaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_document_dispose;
  object_class->finalize = obeya_document_finalize;
  object_class->get_property = obeya_document_get_property;
  object_class->set_property = obeya_document_set_property;

  /* The file (it changes with save as). */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, OBEYA_TYPE_WORKSPACE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, OBEYA_TYPE_DOCUMENT_STATE,
                       OBEYA_DOCUMENT_STATE_CLEAN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The error of the last failed load or save (a GError), NULL after a success. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaDocument::save-failed:
   * @error: what went wrong
   *
   * A save failed for another reason than a conflict (disk full, folder
   * gone, …). The changes stay in memory; the save is retried at the next
   * change or poll.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * ObeyaDocument::conflict:
   *
   * The file changed on disk while there were unsaved changes: nothing is
   * written any more until the document is reloaded or saved under another
   * name.
   */
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ObeyaDocument::file-changed:
   *
   * Someone else changed the file while the document had no unsaved
   * changes: obeya_document_reload_async() shows the new contents.
   * Emitted once per change.
   */
  signals[FILE_CHANGED] =
    g_signal_new ("file-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
obeya_document_init (ObeyaDocument *self)
{
  self->autosave_delay = OBEYA_DOCUMENT_AUTOSAVE_DELAY;
  self->poll_interval = OBEYA_DOCUMENT_POLL_INTERVAL;
  self->n_backups = OBEYA_DOCUMENT_N_BACKUPS;
}
