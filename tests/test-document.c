/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "obeya-document.h"
#include "obeya-file.h"
#include "obeya-json.h"
#include "obeya-workspace.h"
#include "test-util.h"

/* What obeya_workspace_save() writes for a workspace named @name, with an
 * unknown member kept from a newer or other tool. */
#define CANONICAL(name) \
  "{\n" \
  "  \"format\": \"obeya-workspace\",\n" \
  "  \"version\": 1,\n" \
  "  \"name\": \"" name "\",\n" \
  "  \"x-custom\": {\n" \
  "    \"kept\": [1, 2.5, \"three\"]\n" \
  "  }\n" \
  "}\n"

typedef struct
{
  char          *dir;
  char          *path;
  ObeyaDocument *document;

  /* What the document did. */
  guint          n_saves;        /* times the state became SAVING */
  guint          n_conflicts;
  guint          n_file_changed;
  guint          n_save_failed;
  gboolean       edit_while_saving;

  /* Async results. */
  gboolean       done;
  gboolean       ok;
  GError        *error;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("obeya-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "team.obeya", NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting: %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *@flag is TRUE (at most 10 s). */
static void
wait_until (const gboolean *flag,
            const char     *what)
{
  guint id = g_timeout_add_seconds (10, timeout_cb, (gpointer) what);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* Iterates the main context for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->document != NULL)
    {
      /* Nothing may keep the document alive once its work is done. */
      obeya_document_set_poll_interval (fixture->document, 0);
      g_signal_handlers_disconnect_by_data (fixture->document, fixture);
      g_object_add_weak_pointer (G_OBJECT (fixture->document), (gpointer *) &fixture->document);
      g_object_unref (fixture->document);
      /* Work still in flight (a check of the file on a worker thread) may
       * hold it a moment longer on a busy machine; then it must go. */
      {
        gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

        while (fixture->document != NULL && g_get_monotonic_time () < deadline)
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
      }
      g_assert_null (fixture->document);
    }
  g_clear_error (&fixture->error);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
state_notify_cb (ObeyaDocument *document,
                 GParamSpec    *pspec,
                 Fixture       *fixture)
{
  if (obeya_document_get_state (document) == OBEYA_DOCUMENT_STATE_SAVING)
    {
      fixture->n_saves++;
      if (fixture->edit_while_saving)
        {
          ObeyaWorkspace *workspace = obeya_document_get_workspace (document);

          fixture->edit_while_saving = FALSE;
          obeya_workspace_set_name (workspace, "Edited during the save");
          obeya_workspace_emit_changed (workspace);
        }
    }
}

static void
conflict_cb (ObeyaDocument *document,
             Fixture       *fixture)
{
  fixture->n_conflicts++;
}

static void
file_changed_cb (ObeyaDocument *document,
                 Fixture       *fixture)
{
  fixture->n_file_changed++;
}

static void
save_failed_cb (ObeyaDocument *document,
                const GError  *error,
                Fixture       *fixture)
{
  g_assert_nonnull (error);
  fixture->n_save_failed++;
}

static void
watch (Fixture       *fixture,
       ObeyaDocument *document)
{
  fixture->document = document;
  g_signal_connect (document, "notify::state", G_CALLBACK (state_notify_cb), fixture);
  g_signal_connect (document, "conflict", G_CALLBACK (conflict_cb), fixture);
  g_signal_connect (document, "file-changed", G_CALLBACK (file_changed_cb), fixture);
  g_signal_connect (document, "save-failed", G_CALLBACK (save_failed_cb), fixture);
}

typedef gboolean (*FinishFunc) (ObeyaDocument *, GAsyncResult *, GError **);

static void
start_async (Fixture    *fixture,
             FinishFunc  finish)
{
  fixture->done = FALSE;
  fixture->ok = FALSE;
  g_clear_error (&fixture->error);
  /* The finish function to call, read by async_trampoline_cb(). */
  g_object_set_data (G_OBJECT (fixture->document), "test-pending-finish", (gpointer) finish);
}

static void
async_trampoline_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Fixture *fixture = user_data;
  FinishFunc finish = g_object_get_data (source, "test-pending-finish");

  g_clear_error (&fixture->error);
  fixture->ok = finish (OBEYA_DOCUMENT (source), result, &fixture->error);
  fixture->done = TRUE;
}

static gboolean
load_sync (Fixture *fixture)
{
  start_async (fixture, obeya_document_load_finish);
  obeya_document_load_async (fixture->document, NULL, async_trampoline_cb, fixture);
  wait_until (&fixture->done, "load");
  return fixture->ok;
}

static gboolean
reload_sync (Fixture *fixture)
{
  start_async (fixture, obeya_document_reload_finish);
  obeya_document_reload_async (fixture->document, NULL, async_trampoline_cb, fixture);
  wait_until (&fixture->done, "reload");
  return fixture->ok;
}

static gboolean
flush_sync (Fixture *fixture)
{
  start_async (fixture, obeya_document_flush_finish);
  obeya_document_flush_async (fixture->document, NULL, async_trampoline_cb, fixture);
  wait_until (&fixture->done, "flush");
  return fixture->ok;
}

static gboolean
save_as_sync (Fixture    *fixture,
              const char *path)
{
  start_async (fixture, obeya_document_save_as_finish);
  obeya_document_save_as_async (fixture->document, path, NULL, async_trampoline_cb, fixture);
  wait_until (&fixture->done, "save as");
  return fixture->ok;
}

static void
open_document (Fixture  *fixture,
               gboolean  read_only)
{
  watch (fixture, obeya_document_new_for_path (fixture->path, read_only));
  obeya_document_set_autosave_delay (fixture->document, 100);
  obeya_document_set_poll_interval (fixture->document, 0);
}

static void
edit_name (Fixture    *fixture,
           const char *name)
{
  ObeyaWorkspace *workspace = obeya_document_get_workspace (fixture->document);

  obeya_workspace_set_name (workspace, name);
  obeya_workspace_emit_changed (workspace);
}

static void
wait_for_state (Fixture            *fixture,
                ObeyaDocumentState  state)
{
  guint id = g_timeout_add_seconds (10, timeout_cb, (gpointer) "a document state");

  while (obeya_document_get_state (fixture->document) != state)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* ---- tests ---------------------------------------------------------------------- */

static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *etag = NULL;

  write_file (fixture->path, CANONICAL ("Back office"));
  open_document (fixture, FALSE);
  g_assert_null (obeya_document_get_workspace (fixture->document));
  g_assert_cmpstr (obeya_document_get_title (fixture->document), ==, "team");

  g_assert_true (load_sync (fixture));
  g_assert_no_error (fixture->error);
  g_assert_nonnull (obeya_document_get_workspace (fixture->document));
  g_assert_cmpstr (obeya_workspace_get_name (obeya_document_get_workspace (fixture->document)),
                   ==, "Back office");
  g_assert_cmpstr (obeya_document_get_title (fixture->document), ==, "Back office");
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_false (obeya_document_get_read_only (fixture->document));
  g_assert_null (obeya_document_get_error (fixture->document));
  etag = obeya_file_get_etag (fixture->path, NULL);
  g_assert_cmpstr (obeya_document_get_etag (fixture->document), ==, etag);
  g_assert_cmpstr (obeya_document_get_path (fixture->document), ==, fixture->path);

  /* The title follows the name. */
  obeya_workspace_set_name (obeya_document_get_workspace (fixture->document), NULL);
  g_assert_cmpstr (obeya_document_get_title (fixture->document), ==, "team");
}

static void
assert_load_fails (Fixture    *fixture,
                   const char *contents,
                   GQuark      domain,
                   int         code,
                   const char *message_part)
{
  g_autofree char *after = NULL;
  g_autofree char *etag_before = NULL;
  g_autofree char *etag_after = NULL;

  write_file (fixture->path, contents);
  etag_before = obeya_file_get_etag (fixture->path, NULL);
  open_document (fixture, FALSE);

  g_assert_false (load_sync (fixture));
  g_assert_error (fixture->error, domain, code);
  if (strstr (fixture->error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", fixture->error->message, message_part);
  g_assert_null (obeya_document_get_workspace (fixture->document));
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_ERROR);
  g_assert_true (g_error_matches (obeya_document_get_error (fixture->document), domain, code));

  /* Nothing written, no backup made. */
  run_for (250);
  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, contents);
  etag_after = obeya_file_get_etag (fixture->path, NULL);
  g_assert_cmpstr (etag_after, ==, etag_before);

  g_clear_object (&fixture->document);
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  assert_load_fails (fixture,
                     "{\n  \"format\": \"obeya-workspace\",\n  \"version\": 1,,\n}\n",
                     OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_SYNTAX, "line 3, column 16:");
  assert_load_fails (fixture,
                     "{\"format\": \"obeya-workspace\", \"version\": \"one\"}",
                     OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_INVALID, "version: expected a whole number");
  assert_load_fails (fixture, "{\"format\": \"spreadsheet\"}",
                     OBEYA_WORKSPACE_ERROR, OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE, "not an Obeya");
  assert_load_fails (fixture, "", OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_EMPTY, "team.obeya");
  {
    /* Deep nesting: an error, not a crash. */
    g_autofree char *deep = g_strnfill (100000, '[');

    assert_load_fails (fixture, deep, OBEYA_JSON_ERROR, OBEYA_JSON_ERROR_TOO_DEEP, "line 1");
  }

  g_unlink (fixture->path);
  open_document (fixture, FALSE);
  g_assert_false (load_sync (fixture));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_autosave_burst (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  gint64 last_edit;

  write_file (fixture->path, CANONICAL ("Before"));
  open_document (fixture, FALSE);
  obeya_document_set_autosave_delay (fixture->document, 400);
  g_assert_true (load_sync (fixture));

  /* Ten edits, 20 ms apart: the debounce (400 ms) lets one save through. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Edit %u", i);

      edit_name (fixture, name);
      g_assert_cmpint (obeya_document_get_state (fixture->document), ==,
                       OBEYA_DOCUMENT_STATE_DIRTY);
      run_for (20);
    }
  last_edit = g_get_monotonic_time ();
  g_assert_cmpuint (fixture->n_saves, ==, 0);

  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_SAVING);
  g_assert_cmpint (g_get_monotonic_time () - last_edit, >=, 300 * 1000);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CLEAN);
  run_for (300);
  g_assert_cmpuint (fixture->n_saves, ==, 1);

  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Edit 9"));
  {
    g_autofree char *etag = obeya_file_get_etag (fixture->path, NULL);

    g_assert_cmpstr (obeya_document_get_etag (fixture->document), ==, etag);
  }

  /* A change during the save schedules another save. */
  fixture->edit_while_saving = TRUE;
  edit_name (fixture, "Edit 10");
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_SAVING);
  g_assert_false (fixture->edit_while_saving);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_DIRTY);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_cmpuint (fixture->n_saves, ==, 3);
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Edited during the save"));
}

static void
test_byte_identity (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  g_autofree char *etag_before = NULL;
  g_auto(GStrv) backups = NULL;

  write_file (fixture->path, CANONICAL ("Same"));
  etag_before = obeya_file_get_etag (fixture->path, NULL);
  open_document (fixture, FALSE);
  g_assert_true (load_sync (fixture));

  /* A change that changes nothing still saves: the same bytes come out. */
  obeya_workspace_emit_changed (obeya_document_get_workspace (fixture->document));
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_SAVING);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_cmpuint (fixture->n_saves, ==, 1);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Same"));
  g_assert_cmpstr (obeya_document_get_etag (fixture->document), !=, etag_before);

  /* The file before the save is the first backup. */
  backups = obeya_document_list_backups (fixture->document);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);
  g_free (text);
  text = read_file (backups[0]);
  g_assert_cmpstr (text, ==, CANONICAL ("Same"));
}

static void
test_conflict_on_save (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "mine.obeya", NULL);

  write_file (fixture->path, CANONICAL ("Ours"));
  open_document (fixture, FALSE);
  g_assert_true (load_sync (fixture));

  /* Someone else saves while we edit. */
  write_file (fixture->path, CANONICAL ("Theirs"));
  edit_name (fixture, "Mine");
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CONFLICT);
  g_assert_cmpuint (fixture->n_conflicts, ==, 1);
  g_assert_true (g_error_matches (obeya_document_get_error (fixture->document),
                                  G_IO_ERROR, G_IO_ERROR_WRONG_ETAG));
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Theirs"));

  /* No more writing, even after more edits; flush says why. */
  edit_name (fixture, "Mine, again");
  run_for (300);
  g_assert_cmpuint (fixture->n_saves, ==, 1);
  g_assert_false (flush_sync (fixture));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Theirs"));
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CONFLICT);

  /* Save as resolves it: the document now lives in the new file. */
  g_assert_true (save_as_sync (fixture, other));
  g_assert_no_error (fixture->error);
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_cmpstr (obeya_document_get_path (fixture->document), ==, other);
  g_assert_null (obeya_document_get_error (fixture->document));
  g_free (text);
  text = read_file (other);
  g_assert_cmpstr (text, ==, CANONICAL ("Mine, again"));
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Theirs"));

  /* And autosave goes on there. */
  edit_name (fixture, "Mine, third");
  g_assert_true (flush_sync (fixture));
  g_free (text);
  text = read_file (other);
  g_assert_cmpstr (text, ==, CANONICAL ("Mine, third"));
}

static void
test_conflict_by_poll_and_reload (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  ObeyaWorkspace *before;

  write_file (fixture->path, CANONICAL ("Ours"));
  open_document (fixture, FALSE);
  g_assert_true (load_sync (fixture));
  obeya_document_set_autosave_delay (fixture->document, 60 * 1000);
  obeya_document_set_poll_interval (fixture->document, 50);

  edit_name (fixture, "Mine");
  write_file (fixture->path, CANONICAL ("Theirs"));
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CONFLICT);
  g_assert_cmpuint (fixture->n_conflicts, ==, 1);
  g_assert_cmpuint (fixture->n_saves, ==, 0);
  g_assert_cmpuint (fixture->n_file_changed, ==, 0);

  /* Reload drops our change and shows theirs. */
  before = obeya_document_get_workspace (fixture->document);
  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  g_assert_true (reload_sync (fixture));
  g_assert_null (before); /* the old model is gone */
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_cmpstr (obeya_workspace_get_name (obeya_document_get_workspace (fixture->document)),
                   ==, "Theirs");
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Theirs"));

  /* Saving works again after the reload. */
  edit_name (fixture, "Mine after reload");
  g_assert_true (flush_sync (fixture));
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Mine after reload"));
  run_for (200);
  g_assert_cmpuint (fixture->n_conflicts, ==, 1);
  g_assert_cmpuint (fixture->n_file_changed, ==, 0);
}

static void
test_file_changed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  write_file (fixture->path, CANONICAL ("Ours"));
  open_document (fixture, TRUE);
  g_assert_true (load_sync (fixture));
  obeya_document_set_poll_interval (fixture->document, 30);

  run_for (150);
  g_assert_cmpuint (fixture->n_file_changed, ==, 0);

  write_file (fixture->path, CANONICAL ("Theirs"));
  while (fixture->n_file_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  run_for (200); /* several polls: still one signal for one change */
  g_assert_cmpuint (fixture->n_file_changed, ==, 1);
  g_assert_cmpuint (fixture->n_conflicts, ==, 0);

  g_assert_true (reload_sync (fixture));
  g_assert_cmpstr (obeya_workspace_get_name (obeya_document_get_workspace (fixture->document)),
                   ==, "Theirs");
  run_for (150);
  g_assert_cmpuint (fixture->n_file_changed, ==, 1);

  /* A file briefly missing (a remote replace deletes, then renames) is no
   * change by itself. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  run_for (150);
  g_assert_cmpuint (fixture->n_file_changed, ==, 1);
  write_file (fixture->path, CANONICAL ("Third"));
  while (fixture->n_file_changed == 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->n_file_changed, ==, 2);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char newer[] =
    "{\n"
    "  \"format\": \"obeya-workspace\",\n"
    "  \"version\": 99,\n"
    "  \"name\": \"From the future\",\n"
    "  \"hologram\": true\n"
    "}\n";
  g_autofree char *text = NULL;
  g_autofree char *etag = NULL;
  g_auto(GStrv) backups = NULL;

  /* A file from a newer Obeya. */
  write_file (fixture->path, newer);
  etag = obeya_file_get_etag (fixture->path, NULL);
  open_document (fixture, FALSE);
  g_assert_true (load_sync (fixture));
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==,
                   OBEYA_DOCUMENT_STATE_READ_ONLY);
  g_assert_true (obeya_document_get_read_only (fixture->document));

  edit_name (fixture, "Overwritten?");
  run_for (300);
  g_assert_true (flush_sync (fixture));
  g_assert_cmpuint (fixture->n_saves, ==, 0);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, newer);
  {
    g_autofree char *now = obeya_file_get_etag (fixture->path, NULL);

    g_assert_cmpstr (now, ==, etag);
  }
  backups = obeya_document_list_backups (fixture->document);
  g_assert_cmpuint (g_strv_length (backups), ==, 0);

  /* Save as is refused too: the newer data would be lost. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "copy.obeya", NULL);

    g_assert_false (save_as_sync (fixture, other));
    g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&fixture->document);

  /* A current file opened read-only. */
  write_file (fixture->path, CANONICAL ("Wall display"));
  open_document (fixture, TRUE);
  g_assert_true (load_sync (fixture));
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==,
                   OBEYA_DOCUMENT_STATE_READ_ONLY);
  edit_name (fixture, "Overwritten?");
  run_for (300);
  g_assert_cmpuint (fixture->n_saves, ==, 0);
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Wall display"));

  /* Saved elsewhere (a backup rescued with Save As): the copy is the
   * user's, and later edits go to it; the file read stays untouched. */
  {
    g_autofree char *rescued = g_build_filename (fixture->dir, "rescued.obeya", NULL);
    g_autofree char *copy = NULL;

    g_assert_true (save_as_sync (fixture, rescued));
    g_assert_false (obeya_document_get_read_only (fixture->document));
    g_assert_cmpint (obeya_document_get_state (fixture->document), ==,
                     OBEYA_DOCUMENT_STATE_CLEAN);
    edit_name (fixture, "After the rescue");
    g_assert_true (flush_sync (fixture));
    copy = read_file (rescued);
    g_assert_cmpstr (copy, ==, CANONICAL ("After the rescue"));
    g_free (text);
    text = read_file (fixture->path);
    g_assert_cmpstr (text, ==, CANONICAL ("Wall display"));
  }
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *text = NULL;

  write_file (fixture->path, CANONICAL ("Before"));
  open_document (fixture, FALSE);
  obeya_document_set_autosave_delay (fixture->document, 60 * 1000);
  g_assert_true (load_sync (fixture));

  /* Clean: nothing to do. */
  g_assert_true (flush_sync (fixture));
  g_assert_cmpuint (fixture->n_saves, ==, 0);

  /* Quitting right after an edit: written at once, not after the delay. */
  edit_name (fixture, "Quit now");
  g_assert_true (flush_sync (fixture));
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->n_saves, ==, 1);
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Quit now"));

  /* A change during the flush's save is written before the flush completes. */
  fixture->edit_while_saving = TRUE;
  edit_name (fixture, "Quit again");
  g_assert_true (flush_sync (fixture));
  g_assert_cmpuint (fixture->n_saves, ==, 3);
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  g_free (text);
  text = read_file (fixture->path);
  g_assert_cmpstr (text, ==, CANONICAL ("Edited during the save"));
}

static void
test_new_workspace (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(ObeyaWorkspace) workspace = obeya_workspace_new ();
  g_autofree char *text = NULL;
  g_autofree char *taken = g_build_filename (fixture->dir, "taken.obeya", NULL);

  obeya_workspace_set_name (workspace, "Fresh");

  /* With a path: the autosave creates the file. */
  watch (fixture, obeya_document_new_for_workspace (workspace, fixture->path));
  obeya_document_set_autosave_delay (fixture->document, 50);
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_DIRTY);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CLEAN);
  text = read_file (fixture->path);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"obeya-workspace\",\n"));
  g_assert_nonnull (strstr (text, "\"name\": \"Fresh\""));
  g_clear_object (&fixture->document);

  /* An existing file is never overwritten by a new document. */
  write_file (taken, "precious\n");
  watch (fixture, obeya_document_new_for_workspace (workspace, taken));
  obeya_document_set_autosave_delay (fixture->document, 10);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CONFLICT);
  g_free (text);
  text = read_file (taken);
  g_assert_cmpstr (text, ==, "precious\n");
  g_clear_object (&fixture->document);

  /* Without a path: nothing is written until save as. */
  watch (fixture, obeya_document_new_for_workspace (workspace, NULL));
  g_assert_cmpstr (obeya_document_get_title (fixture->document), ==, "Fresh");
  g_assert_false (flush_sync (fixture));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_unlink (fixture->path);
  g_assert_true (save_as_sync (fixture, fixture->path));
  g_assert_cmpstr (obeya_document_get_path (fixture->document), ==, fixture->path);
  g_assert_cmpint (obeya_document_get_state (fixture->document), ==, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_save_failed (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(ObeyaWorkspace) workspace = obeya_workspace_new ();
  g_autofree char *gone = g_build_filename (fixture->dir, "gone", "team.obeya", NULL);
  g_autofree char *folder = g_path_get_dirname (gone);

  watch (fixture, obeya_document_new_for_workspace (workspace, gone));
  obeya_document_set_autosave_delay (fixture->document, 10);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_ERROR);
  g_assert_cmpuint (fixture->n_save_failed, ==, 1);
  g_assert_true (g_error_matches (obeya_document_get_error (fixture->document),
                                  G_IO_ERROR, G_IO_ERROR_NOT_FOUND));

  /* The folder comes back: the next edit saves. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  obeya_workspace_emit_changed (workspace);
  wait_for_state (fixture, OBEYA_DOCUMENT_STATE_CLEAN);
  g_assert_null (obeya_document_get_error (fixture->document));
  g_assert_true (g_file_test (gone, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/load", test_load);
  ADD ("/document/load-errors", test_load_errors);
  ADD ("/document/autosave-burst", test_autosave_burst);
  ADD ("/document/byte-identity", test_byte_identity);
  ADD ("/document/conflict-on-save", test_conflict_on_save);
  ADD ("/document/conflict-by-poll-and-reload", test_conflict_by_poll_and_reload);
  ADD ("/document/file-changed", test_file_changed);
  ADD ("/document/read-only", test_read_only);
  ADD ("/document/flush", test_flush);
  ADD ("/document/new-workspace", test_new_workspace);
  ADD ("/document/save-failed", test_save_failed);

#undef ADD

  return g_test_run ();
}
