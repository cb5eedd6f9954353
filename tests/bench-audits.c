/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-audits: timings of the 5S module, for commit messages and the
 * lead's benchmark (timings never go in tests).
 *
 *   bench-audits                 300 audits of 40 items: file size, save,
 *                                load (against a bare JsonParser), all scores,
 *                                trends, overview and comparisons
 *   bench-audits --save FILE     writes that generated workspace to FILE
 *   bench-audits --scan [N]      a generated tree of N files (100,000 by
 *                                default) in a temporary folder: the folder
 *                                scan, run off the main thread while a 16 ms
 *                                timer measures how long the main loop is
 *                                ever held up; the tree is removed afterwards
 */
#include "config.h"

#include <glib/gstdio.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-score.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-folder-scan.h"
#include "obeya-json.h"
#include "obeya-workspace.h"

#define N_AUDITS  300
#define N_ITEMS   40
#define N_AREAS   25

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static ObeyaWorkspace *
generate_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaAuditTemplate *template_ = obeya_audit_template_new ("Bench template");
  const char *anchors[] = {
    "Nothing of the standard is visible anywhere in the area.",
    "A few parts of the standard are visible in some places.",
    "About half of the area follows the written standard.",
    "Nearly all of the area follows it; one or two exceptions.",
    "The whole area follows the standard and it is checked daily.",
    NULL
  };
  ObeyaArea *areas[N_AREAS];
  g_autoptr(GPtrArray) items = NULL;
  ObeyaPerson *person = obeya_workspace_add_person (ws, "Auditor");
  guint32 seed = 1;

  obeya_audits_add_template (audits, template_);
  g_object_unref (template_);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *question = g_strdup_printf ("Is item %u of the standard in place?", i + 1);

      obeya_audit_template_add_item (template_, i % OBEYA_FIVE_S_N, question, anchors, -1);
    }
  items = obeya_audit_template_dup_active_items (template_);
  for (guint a = 0; a < N_AREAS; a++)
    {
      g_autofree char *name = g_strdup_printf ("Area %u", a + 1);

      areas[a] = obeya_audits_add_area (audits, name, template_, OBEYA_AUDIT_CADENCE_MONTHLY);
    }

  for (guint n = 0; n < N_AUDITS; n++)
    {
      ObeyaArea *area = areas[n % N_AREAS];
      ObeyaDay date = obeya_day_from_ymd (2024, 1, 8) + 7 * (n / N_AREAS) * 4 + n % 5;
      ObeyaAudit *audit = obeya_audits_start_audit (audits, area, date,
                                                    obeya_entity_get_id (OBEYA_ENTITY (person)));

      for (guint i = 0; i < items->len; i++)
        {
          const char *id = obeya_entity_get_id (items->pdata[i]);

          seed = seed * 1103515245u + 12345u;
          obeya_audit_set_score (audit, id, (int) ((seed >> 16) % 5));
          if ((seed >> 8) % 10 == 0)
            obeya_audit_set_note (audit, id, "Two binders from 2019 on the shelf by the window.");
        }
      obeya_audit_set_summary (audit, "Better than last time; filing still behind.");
      obeya_audit_finish (audit, NULL);
    }
  return ws;
}

static int
bench_model (void)
{
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autoptr(ObeyaWorkspace) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  ObeyaAudits *audits;
  GListModel *list, *areas;
  gint64 start;
  double t_generate, t_save, t_parse, t_check, t_load, t_scores, t_trends, t_overview, t_compare;
  double sum = 0.0;
  guint n;

  start = g_get_monotonic_time ();
  ws = generate_workspace ();
  t_generate = seconds_since (start);

  start = g_get_monotonic_time ();
  bytes = obeya_workspace_save (ws, &error);
  t_save = seconds_since (start);
  g_assert_no_error (error);

  /* The bare parse includes freeing the tree, as a load does. */
  start = g_get_monotonic_time ();
  parser = json_parser_new_immutable ();
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_clear_object (&parser);
  t_parse = seconds_since (start);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  {
    g_autoptr(JsonNode) root = obeya_json_parse (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
  }
  t_check = seconds_since (start);

  start = g_get_monotonic_time ();
  loaded = obeya_workspace_load (bytes, &error);
  t_load = seconds_since (start);
  g_assert_no_error (error);

  audits = obeya_workspace_get_audits (loaded);
  list = obeya_audits_get_audits (audits);
  areas = obeya_audits_get_areas (audits);

  start = g_get_monotonic_time ();
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (list, i);
      ObeyaAuditScore score;

      obeya_audit_score_of_audit (audit, &score);
      sum += score.overall.percent;
    }
  t_scores = seconds_since (start);

  start = g_get_monotonic_time ();
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, a);
      g_autoptr(GArray) trend = obeya_audits_get_trend (audits, area);

      sum += trend->len;
    }
  {
    g_autoptr(GArray) months = obeya_audits_get_monthly (audits, NULL,
                                                         obeya_day_from_ymd (2024, 1, 1),
                                                         obeya_day_from_ymd (2026, 12, 31));
    sum += months->len;
  }
  t_trends = seconds_since (start);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GArray) overview = obeya_audits_get_overview (audits, obeya_day_from_ymd (2026, 11, 2));
    ObeyaAuditScore average;

    obeya_audits_get_latest_average (audits, &average);
    sum += overview->len + average.overall.percent;
  }
  t_overview = seconds_since (start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (list, i);
      g_autoptr(ObeyaAuditComparison) comparison = obeya_audits_compare_with_previous (audits, audit);

      sum += comparison->items->len;
    }
  t_compare = seconds_since (start);

  g_print ("5S model: %u audits of %u items in %u areas (checksum %.1f)\n", n, N_ITEMS,
           g_list_model_get_n_items (areas), sum);
  g_print ("  generate (commands with undo)  %8.1f ms\n", t_generate * 1000);
  g_print ("  file size                      %8.1f kB\n", g_bytes_get_size (bytes) / 1000.0);
  g_print ("  save (serialise)               %8.1f ms\n", t_save * 1000);
  g_print ("  bare JsonParser parse          %8.1f ms\n", t_parse * 1000);
  g_print ("  obeya_json_parse (check+parse) %8.1f ms\n", t_check * 1000);
  g_print ("  load (check + parse + model)   %8.1f ms  (%.2fx the bare parse, model %.1f ms)\n",
           t_load * 1000, t_load / t_parse, (t_load - t_check) * 1000);
  g_print ("  all %u scores                  %8.2f ms\n", n, t_scores * 1000);
  g_print ("  trends of every area + monthly %8.2f ms\n", t_trends * 1000);
  g_print ("  overview + latest average      %8.2f ms\n", t_overview * 1000);
  g_print ("  %u comparisons with previous   %8.2f ms\n", n, t_compare * 1000);
  g_print ("  load + scores + trends         %8.1f ms\n", (t_load + t_scores + t_trends) * 1000);
  return 0;
}

/* ---- folder scan --------------------------------------------------------- */

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

/* A tree like a team drive: 10 top folders, 4 levels below, 50 files a
 * folder, sizes 0.25–8 kB (so nearly every size repeats and nearly every
 * file is hashed, the worst case), one file in 20 a copy of one 4 kB file. */
static void
generate_tree (const char *root,
               guint       n_files)
{
  g_autofree char *block = g_malloc (64 * 1024);
  static char duplicate[4096];
  guint32 seed = 7;
  guint written = 0;

  for (guint i = 0; i < 64 * 1024; i++)
    block[i] = (char) ('a' + i % 26);
  memset (duplicate, 'd', sizeof duplicate);

  for (guint folder = 0; written < n_files; folder++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/Team %u/%u/Q%u/Work %u", root, folder % 10,
                                              2020 + folder / 10 % 6, folder / 60 % 4 + 1, folder);

      g_mkdir_with_parents (dir, 0755);
      for (guint f = 0; f < 50 && written < n_files; f++, written++)
        {
          g_autofree char *path = NULL;
          gsize size;

          seed = seed * 1103515245u + 12345u;
          path = f % 3 == 0 ? g_strdup_printf ("%s/2024-%02u-%02u_report-%u_v%u.xlsx", dir,
                                               1 + f % 12, 1 + f % 28, written, 1 + f % 4)
                            : g_strdup_printf ("%s/Copy of report %u (final).xlsx", dir, written);
          if (written % 20 == 19)
            {
              /* The same 4 kB everywhere: one large duplicate group. */
              g_file_set_contents (path, duplicate, sizeof duplicate, NULL);
              continue;
            }
          /* Distinct contents; sizes repeat, so many files get hashed. */
          size = 256 + (seed >> 8) % (8 * 1024);
          memcpy (block, &seed, sizeof seed);
          memcpy (block + sizeof seed, &written, sizeof written);
          g_file_set_contents (path, block, size, NULL);
        }
    }
}

typedef struct
{
  GMainLoop       *loop;
  ObeyaScanResult *result;
  GError          *error;
  gint64           last_tick;
  gint64           longest_gap;
  guint            ticks;
  guint            progress;
} ScanBench;

static gboolean
tick_cb (gpointer user_data)
{
  ScanBench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0)
    bench->longest_gap = MAX (bench->longest_gap, now - bench->last_tick);
  bench->last_tick = now;
  bench->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (ObeyaFolderScan *scan,
             guint            phase,
             guint64          done,
             guint64          total,
             ScanBench       *bench)
{
  bench->progress++;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ScanBench *bench = user_data;

  bench->result = obeya_folder_scan_run_finish (OBEYA_FOLDER_SCAN (source), result, &bench->error);
  g_main_loop_quit (bench->loop);
}

static int
bench_scan (guint n_files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("obeya-bench-scan-XXXXXX", &error);
  g_autoptr(ObeyaFolderScan) scan = NULL;
  ScanBench bench = { 0, };
  gint64 start;
  double t_generate, t_scan, t_sync;
  guint tick;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  generate_tree (root, n_files);
  t_generate = seconds_since (start);

  scan = obeya_folder_scan_new (root);
  obeya_folder_scan_set_name_pattern (scan, obeya_name_pattern_get_presets (NULL)[0].pattern);
  g_signal_connect (scan, "progress", G_CALLBACK (progress_cb), &bench);

  bench.loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (16, tick_cb, &bench);
  start = g_get_monotonic_time ();
  obeya_folder_scan_run_async (scan, NULL, done_cb, &bench);
  g_main_loop_run (bench.loop);
  t_scan = seconds_since (start);
  g_source_remove (tick);
  g_assert_no_error (bench.error);

  start = g_get_monotonic_time ();
  {
    g_autoptr(ObeyaScanResult) again = obeya_folder_scan_run (scan, NULL, &error);
    g_assert_no_error (error);
  }
  t_sync = seconds_since (start);

  g_print ("Folder scan of a generated tree (%.1f s to write it)\n", t_generate);
  g_print ("  %" G_GUINT64_FORMAT " files, %" G_GUINT64_FORMAT " folders, %.1f MB, max depth %u, "
           "%" G_GUINT64_FORMAT " duplicate files in %" G_GUINT64_FORMAT " groups, %"
           G_GUINT64_FORMAT " bad names\n",
           bench.result->n_files, bench.result->n_folders, bench.result->total_bytes / 1e6,
           bench.result->max_depth, bench.result->n_duplicate_files,
           bench.result->n_duplicate_groups, bench.result->n_bad_names);
  g_print ("  async scan                     %8.2f s  (%u progress reports, %u ticks of the "
           "16 ms timer, longest main-loop gap %.1f ms)\n",
           t_scan, bench.progress, bench.ticks, bench.longest_gap / 1000.0);
  g_print ("  the same scan again, blocking  %8.2f s  (file cache warm)\n", t_sync);

  obeya_scan_result_unref (bench.result);
  g_main_loop_unref (bench.loop);
  remove_tree (root);
  return 0;
}

static int
save_workspace (const char *path)
{
  g_autoptr(ObeyaWorkspace) ws = generate_workspace ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = obeya_workspace_save (ws, &error);
  if (bytes == NULL || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 2 && g_str_equal (argv[1], "--save"))
    return save_workspace (argv[2]);
  if (argc > 1 && g_str_equal (argv[1], "--scan"))
    return bench_scan (argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000);
  return bench_model ();
}
