/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The digital 5S folder scan on a generated tree: exact counts, the
 * offender lists, symbolic links never followed, progress on the main
 * context, cancel, and every file's bytes and modification time unchanged.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "obeya-area.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-folder-scan.h"
#include "obeya-workspace.h"

#define DAY (24 * 3600)

typedef struct
{
  char *root;
} Fixture;

static void
write_file (const char *root,
            const char *path,
            const char *fill,
            gsize       size,
            gint64      age_days)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autofree char *data = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  struct utimbuf times;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (gsize i = 0; i < size; i++)
    data[i] = fill[i % strlen (fill)];
  g_file_set_contents (full, data, size, &error);
  g_assert_no_error (error);
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - age_days * DAY;
  g_assert_cmpint (g_utime (full, &times), ==, 0);
}

static void
make_dir (const char *root,
          const char *path)
{
  g_autofree char *full = g_build_filename (root, path, NULL);

  g_assert_cmpint (g_mkdir_with_parents (full, 0755), ==, 0);
}

static void
make_link (const char *root,
           const char *path,
           const char *target)
{
  g_autofree char *full = g_build_filename (root, path, NULL);

  g_assert_cmpint (symlink (target, full), ==, 0);
}

/* The tree (levels: the root is 0):
 *   2026-01-05_budget_v1.xlsx   100 × "A", 10 days      good name
 *   Budget FINAL.xlsx           100 × "A", 10 days      duplicate, bad name
 *   .hidden                     1 byte                  name not checked
 *   empty.txt                   0 bytes                 bad name, never a duplicate
 *   docs/2025-03-01_policy_v2.pdf   5000 × "P", 400 days   stale
 *   docs/copy of policy.pdf         5000 × "P", 400 days   stale, duplicate, bad name
 *   docs/same-size-different.pdf    5000 × "Q"             same size, not a duplicate
 *   docs/empty2.txt                 0 bytes
 *   docs/deep/er/est/2026-02-01_note_v1.txt   4 bytes, level 4
 *   empty-folder/                   empty
 *   nested-empty/inner-empty/       empty (nested-empty is not: it holds a folder)
 *   link-out -> / (a folder outside the tree), link-file -> a file: skipped */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("obeya-scan-XXXXXX", &error);
  g_assert_no_error (error);

  write_file (f->root, "2026-01-05_budget_v1.xlsx", "A", 100, 10);
  write_file (f->root, "Budget FINAL.xlsx", "A", 100, 10);
  write_file (f->root, ".hidden", "h", 1, 0);
  write_file (f->root, "empty.txt", "", 0, 0);
  write_file (f->root, "docs/2025-03-01_policy_v2.pdf", "P", 5000, 400);
  write_file (f->root, "docs/copy of policy.pdf", "P", 5000, 400);
  write_file (f->root, "docs/same-size-different.pdf", "Q", 5000, 30);
  write_file (f->root, "docs/empty2.txt", "", 0, 0);
  write_file (f->root, "docs/deep/er/est/2026-02-01_note_v1.txt", "deep", 4, 0);
  make_dir (f->root, "empty-folder");
  make_dir (f->root, "nested-empty/inner-empty");
  make_link (f->root, "link-out", "/");
  make_link (f->root, "link-file", "2026-01-05_budget_v1.xlsx");
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->root);
  g_free (f->root);
}

/* path → "size:mtime-ns:sha256" of every entry below @root (links as links). */
static void
snapshot_into (GHashTable *snapshot,
               const char *root,
               const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *relative ? g_build_filename (relative, name, NULL)
                                             : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);
      GStatBuf st;
      char *value;

      g_assert_cmpint (lstat (child, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        {
          snapshot_into (snapshot, root, child_rel);
          value = g_strdup_printf ("dir:%" G_GINT64_FORMAT ".%09ld", (gint64) st.st_mtim.tv_sec,
                                   st.st_mtim.tv_nsec);
        }
      else if (S_ISLNK (st.st_mode))
        {
          g_autofree char *target = g_file_read_link (child, NULL);
          value = g_strdup_printf ("link:%s", target);
        }
      else
        {
          g_autofree char *contents = NULL;
          g_autofree char *digest = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
          digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
          value = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ".%09ld:%s",
                                   (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                                   st.st_mtim.tv_nsec, digest);
        }
      g_hash_table_insert (snapshot, g_steal_pointer (&child_rel), value);
    }
  g_dir_close (dir);
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (table, root, "");
  return table;
}

static void
assert_same_snapshot (GHashTable *before,
                      GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (after, key), ==, value);
}

static void
assert_expected_counts (ObeyaScanResult *result)
{
  const ObeyaScanDuplicates *dup;

  g_assert_cmpuint (result->n_files, ==, 9);
  g_assert_cmpuint (result->n_folders, ==, 7);
  g_assert_cmpuint (result->total_bytes, ==, 15205);
  g_assert_cmpuint (result->max_depth, ==, 4);
  /* 4 files at level 0, 4 at level 1, 1 at level 4: 8 ÷ 9 = 0.888… */
  g_assert_cmpfloat (result->average_depth, ==, 0.89);
  g_assert_cmpuint (result->n_stale, ==, 2);
  g_assert_cmpuint (result->n_empty_folders, ==, 2);
  g_assert_cmpuint (result->n_duplicate_groups, ==, 2);
  g_assert_cmpuint (result->n_duplicate_files, ==, 2);
  g_assert_cmpuint (result->duplicate_bytes, ==, 5100);
  g_assert_cmpuint (result->n_bad_names, ==, 5);
  g_assert_cmpuint (result->n_symlinks, ==, 2);
  g_assert_cmpuint (result->n_unreadable, ==, 0);

  /* Leaf folders, deepest first. */
  g_assert_cmpuint (result->deepest->len, ==, 3);
  g_assert_cmpstr (g_array_index (result->deepest, ObeyaScanPath, 0).path, ==, "docs/deep/er/est");
  g_assert_cmpint (g_array_index (result->deepest, ObeyaScanPath, 0).value, ==, 4);
  g_assert_cmpstr (g_array_index (result->deepest, ObeyaScanPath, 1).path, ==,
                   "nested-empty/inner-empty");
  g_assert_cmpstr (g_array_index (result->deepest, ObeyaScanPath, 2).path, ==, "empty-folder");

  /* The largest waste first; paths sorted in a group. */
  dup = &g_array_index (result->duplicates, ObeyaScanDuplicates, 0);
  g_assert_cmpuint (dup->size, ==, 5000);
  g_assert_cmpstr (dup->paths[0], ==, "docs/2025-03-01_policy_v2.pdf");
  g_assert_cmpstr (dup->paths[1], ==, "docs/copy of policy.pdf");
  g_assert_null (dup->paths[2]);
  dup = &g_array_index (result->duplicates, ObeyaScanDuplicates, 1);
  g_assert_cmpuint (dup->size, ==, 100);
  g_assert_cmpstr (dup->paths[0], ==, "2026-01-05_budget_v1.xlsx");
  g_assert_cmpstr (dup->paths[1], ==, "Budget FINAL.xlsx");

  g_assert_cmpuint (result->oldest->len, ==, 2);
  g_assert_cmpstr (g_array_index (result->oldest, ObeyaScanPath, 0).path, ==,
                   "docs/2025-03-01_policy_v2.pdf");
  g_assert_cmpuint (g_array_index (result->oldest, ObeyaScanPath, 0).value, ==,
                    obeya_day_today () - 400);

  g_assert_cmpuint (result->bad_names->len, ==, 5);
  g_assert_cmpstr (g_array_index (result->bad_names, ObeyaScanPath, 0).path, ==,
                   "Budget FINAL.xlsx");
  g_assert_cmpstr (g_array_index (result->bad_names, ObeyaScanPath, 1).path, ==,
                   "docs/copy of policy.pdf");
  g_assert_cmpstr (g_array_index (result->bad_names, ObeyaScanPath, 4).path, ==, "empty.txt");
}

static ObeyaFolderScan *
new_scan (Fixture *f)
{
  ObeyaFolderScan *scan = obeya_folder_scan_new (f->root);

  obeya_folder_scan_set_name_pattern (scan, obeya_name_pattern_get_presets (NULL)[0].pattern);
  obeya_folder_scan_set_stale_days (scan, 365);
  return scan;
}

static void
test_counts_and_untouched (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) before = snapshot (f->root);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(ObeyaFolderScan) scan = new_scan (f);
  g_autoptr(ObeyaScanResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *dups = NULL;
  g_autofree char *depth = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *stale = NULL;

  result = obeya_folder_scan_run (scan, NULL, &error);
  g_assert_no_error (error);
  assert_expected_counts (result);
  g_assert_cmpstr (result->folder, ==, f->root);
  g_assert_cmpuint (result->stale_days, ==, 365);

  /* It only read: every entry has the same bytes and modification time. */
  after = snapshot (f->root);
  assert_same_snapshot (before, after);

  stale = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_STALE_FILES);
  g_assert_cmpstr (stale, ==, "2 of 9 files (22 %) not modified for 365 days");
  dups = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_DUPLICATES);
  g_assert_cmpstr (dups, ==, "2 duplicate files in 2 groups, 5.1\u00a0kB wasted");
  {
    /* Each count takes its own plural. */
    g_autofree char *one_group = NULL;

    result->n_duplicate_groups = 1;
    one_group = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_DUPLICATES);
    g_assert_cmpstr (one_group, ==, "2 duplicate files in 1 group, 5.1\u00a0kB wasted");
    result->n_duplicate_groups = 2;
  }
  depth = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_DEPTH);
  g_assert_cmpstr (depth, ==, "Folders up to 4 levels deep; files 0.9 levels down on average");
  names = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_NAMES);
  g_assert_cmpstr (names, ==, "5 of 9 file names (56 %) break the naming pattern");
  empty = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS);
  g_assert_cmpstr (empty, ==, "2 empty folders of 7");
  g_assert_null (obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_NONE));
}

static void
test_without_pattern (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ObeyaFolderScan) scan = obeya_folder_scan_new (f->root);
  g_autoptr(ObeyaScanResult) result = NULL;
  g_autofree char *names = NULL;

  obeya_folder_scan_set_stale_days (scan, 20);
  result = obeya_folder_scan_run (scan, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_null (result->pattern);
  g_assert_cmpuint (result->n_bad_names, ==, 0);
  /* 20 days: the 30-day-old file is stale too. */
  g_assert_cmpuint (result->n_stale, ==, 3);
  names = obeya_scan_result_describe (result, OBEYA_SCAN_EVIDENCE_NAMES);
  g_assert_cmpstr (names, ==, "File names were not checked: this area has no name pattern");
}

typedef struct
{
  GMainLoop       *loop;
  ObeyaScanResult *result;
  GError          *error;
  guint            progress;
  gboolean         progress_on_main_thread;
  GThread         *main_thread;
} AsyncData;

static void
progress_cb (ObeyaFolderScan *scan,
             guint            phase,
             guint64          done,
             guint64          total,
             AsyncData       *data)
{
  data->progress++;
  data->progress_on_main_thread = g_thread_self () == data->main_thread;
  g_assert_cmpuint (phase, <=, OBEYA_SCAN_PHASE_HASHING);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = obeya_folder_scan_run_finish (OBEYA_FOLDER_SCAN (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ObeyaFolderScan) scan = new_scan (f);
  g_autoptr(GHashTable) before = snapshot (f->root);
  g_autoptr(GHashTable) after = NULL;
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, FALSE, g_thread_self () };

  g_signal_connect (scan, "progress", G_CALLBACK (progress_cb), &async);
  obeya_folder_scan_run_async (scan, NULL, scan_done_cb, &async);
  g_main_loop_run (async.loop);
  /* Progress reports queued before the end are delivered too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (async.error);
  assert_expected_counts (async.result);
  g_assert_cmpuint (async.progress, >=, 1);
  g_assert_true (async.progress_on_main_thread);
  after = snapshot (f->root);
  assert_same_snapshot (before, after);

  obeya_scan_result_unref (async.result);
  g_main_loop_unref (async.loop);
}

static void
test_cancel_and_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ObeyaFolderScan) scan = new_scan (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaFolderScan) missing = NULL;
  g_autoptr(ObeyaFolderScan) bad_pattern = NULL;
  g_autofree char *nowhere = g_build_filename (f->root, "no-such-folder", NULL);
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, FALSE, g_thread_self () };

  g_cancellable_cancel (cancellable);
  g_assert_null (obeya_folder_scan_run (scan, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  obeya_folder_scan_run_async (scan, cancellable, scan_done_cb, &async);
  g_main_loop_run (async.loop);
  g_assert_null (async.result);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  g_main_loop_unref (async.loop);

  missing = obeya_folder_scan_new (nowhere);
  g_assert_null (obeya_folder_scan_run (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bad_pattern = obeya_folder_scan_new (f->root);
  obeya_folder_scan_set_name_pattern (bad_pattern, "([a-z]+");
  g_assert_null (obeya_folder_scan_run (bad_pattern, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_REGEX_ERROR);
}

static void
test_unreadable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (f->root, "locked", NULL);
  g_autoptr(ObeyaFolderScan) scan = new_scan (f);
  g_autoptr(ObeyaScanResult) result = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads any folder");
      return;
    }
  write_file (f->root, "locked/secret.txt", "s", 10, 0);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  result = obeya_folder_scan_run (scan, NULL, NULL);
  g_chmod (locked, 0755);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_unreadable, ==, 1);
  g_assert_cmpuint (result->n_folders, ==, 8);
  g_assert_cmpuint (result->n_files, ==, 9);
}

static void
test_for_area (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaAuditTemplate *template_ = obeya_audits_add_builtin_template (audits, "digital-workplace",
                                                                      NULL);
  ObeyaArea *area = obeya_audits_add_area (audits, "Finance drive", template_,
                                           OBEYA_AUDIT_CADENCE_MONTHLY);
  g_autoptr(ObeyaFolderScan) scan = NULL;
  g_autoptr(ObeyaScanResult) result = NULL;

  g_object_set (area, "folder", f->root, "name-pattern", "[a-z0-9._-]+", "stale-days", 100, NULL);
  scan = obeya_folder_scan_new_for_area (area);
  g_assert_cmpstr (obeya_folder_scan_get_folder (scan), ==, f->root);
  g_assert_cmpstr (obeya_folder_scan_get_name_pattern (scan), ==, "[a-z0-9._-]+");
  g_assert_cmpuint (obeya_folder_scan_get_stale_days (scan), ==, 100);
  result = obeya_folder_scan_run (scan, NULL, NULL);
  /* Capitals and spaces break this pattern: "2026-01-05_budget_v1.xlsx" and
   * the note match, "Budget FINAL.xlsx" and "copy of policy.pdf" do not. */
  g_assert_cmpuint (result->n_bad_names, ==, 2);
}

static void
test_name_patterns (void)
{
  const ObeyaNamePatternPreset *presets;
  guint n;
  g_autoptr(GError) error = NULL;

  presets = obeya_name_pattern_get_presets (&n);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (obeya_name_pattern_check (presets[i].pattern, NULL));
      g_assert_true (obeya_name_pattern_matches (presets[i].pattern, presets[i].example));
      g_assert_true (obeya_name_pattern_find (presets[i].pattern) == &presets[i]);
      g_assert_nonnull (obeya_name_pattern_get_label (&presets[i]));
    }

  /* YYYY-MM-DD_topic_vN */
  g_assert_cmpstr (presets[0].id, ==, "date-topic-version");
  g_assert_true (obeya_name_pattern_matches (presets[0].pattern, "2026-11-03_vendor-statement_v2.pdf"));
  g_assert_true (obeya_name_pattern_matches (presets[0].pattern, "2026-11-03_März_Abschluss_v12"));
  g_assert_false (obeya_name_pattern_matches (presets[0].pattern, "final_v2_FINAL.xlsx"));
  g_assert_false (obeya_name_pattern_matches (presets[0].pattern, "2026-13-03_topic_v1.pdf"));
  g_assert_false (obeya_name_pattern_matches (presets[0].pattern, "2026-11-03_topic.pdf"));
  /* The whole name must match, not a part of it. */
  g_assert_false (obeya_name_pattern_matches (presets[0].pattern,
                                              "copy of 2026-11-03_topic_v1.pdf"));
  g_assert_false (obeya_name_pattern_matches ("[a-z]+", "abc1"));
  g_assert_true (obeya_name_pattern_matches ("[a-z]+|[0-9]+", "123"));

  g_assert_false (obeya_name_pattern_check ("*x", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_REGEX_ERROR);
  g_assert_null (obeya_name_pattern_find ("[a-z]+"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/folder-scan/counts-and-untouched", Fixture, NULL, fixture_setup,
              test_counts_and_untouched, fixture_teardown);
  g_test_add ("/folder-scan/without-pattern", Fixture, NULL, fixture_setup,
              test_without_pattern, fixture_teardown);
  g_test_add ("/folder-scan/async-progress", Fixture, NULL, fixture_setup,
              test_async_progress, fixture_teardown);
  g_test_add ("/folder-scan/cancel-and-errors", Fixture, NULL, fixture_setup,
              test_cancel_and_errors, fixture_teardown);
  g_test_add ("/folder-scan/unreadable-folder", Fixture, NULL, fixture_setup,
              test_unreadable_folder, fixture_teardown);
  g_test_add ("/folder-scan/for-area", Fixture, NULL, fixture_setup,
              test_for_area, fixture_teardown);
  g_test_add_func ("/folder-scan/name-patterns", test_name_patterns);

  return g_test_run ();
}
