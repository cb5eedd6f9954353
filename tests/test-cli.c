/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, run in process on files in a temporary folder: valid,
 * corrupt, invalid and newer workspace files; CSV exports compared with the
 * core's; a Trello import saved atomically (through a symbolic link,
 * keeping permissions, with a backup) or refused with the file untouched;
 * metric entries imported (all or nothing, a dry run that leaves the file
 * byte-identical) and exported; charts as valid PNG, SVG and PDF; the 5S
 * audits listed and exported as CSV, and an audit's report as a PDF on A4
 * or Letter; usage errors and exit codes. Then the built program itself:
 * `obeya --help`, and a save past a file-size limit.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-cli.h"
#include "obeya-column.h"
#include "obeya-csv.h"
#include "obeya-file.h"
#include "obeya-metric-import.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-sample-5s.h"
#include "obeya-workspace.h"

typedef struct
{
  char *dir;
  char *workspace; /* a valid workspace file: board "AP" with three cards */
  char *huddle;    /* a workspace with two metrics and their entries (see huddle_setup) */
} Fixture;

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* "Today" for the metric commands: Tuesday 10 November 2026. */
#define HUDDLE_NOW "2026-11-10T09:00:00+01:00"

static void
set_target (ObeyaMetric *metric,
            double       target,
            double       amber)
{
  ObeyaMetricTarget t = { obeya_day_from_ymd (2026, 1, 1), target, 0, 0, amber };

  obeya_metric_set_target (metric, &t);
}

/* "Invoices processed" (delivery, higher is better, 400, amber 20) and
 * "Overtime hours" (cost, lower is better, 8, amber 4), entries from the
 * 2nd to the 6th of November, one miss with a reason. */
static char *
huddle_setup (Fixture *f)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMissReason *outage = obeya_metrics_add_miss_reason (metrics, "System outage");
  ObeyaMetric *invoices = obeya_metrics_add_metric (metrics, "Invoices processed",
                                                    OBEYA_CATEGORY_DELIVERY,
                                                    OBEYA_METRIC_HIGHER_IS_BETTER);
  ObeyaMetric *overtime = obeya_metrics_add_metric (metrics, "Overtime hours",
                                                    OBEYA_CATEGORY_COST,
                                                    OBEYA_METRIC_LOWER_IS_BETTER);
  const double invoice_values[] = { 412, 398.5, 350, 405, 420 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  set_target (invoices, 400, 20);
  set_target (overtime, 8, 4);
  for (guint i = 0; i < G_N_ELEMENTS (invoice_values); i++)
    obeya_metric_set_entry (invoices, obeya_day_from_ymd (2026, 11, 2 + i), invoice_values[i],
                            i == 2 ? "Down all morning" : NULL,
                            i == 2 ? obeya_entity_get_id (OBEYA_ENTITY (outage)) : NULL);
  obeya_metric_set_entry (overtime, obeya_day_from_ymd (2026, 11, 2), 5, NULL, NULL);
  obeya_metric_set_entry (overtime, obeya_day_from_ymd (2026, 11, 3), 13.5, NULL, NULL);

  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  return write_file (f, "huddle.obeya", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaBoard *board;
  ObeyaColumn *doing;

  f->dir = g_dir_make_tmp ("obeya-cli-XXXXXX", &error);
  g_assert_no_error (error);

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  obeya_workspace_add_person (ws, "Ana López");
  board = obeya_workspace_add_board (ws, "AP", OBEYA_BOARD_TEAM, OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  doing = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_ACTIVE);
  obeya_board_add_card (board, doing, NULL, -1, "Approve invoice, 4711");
  obeya_board_add_card (board, doing, NULL, -1, "Pay rent");
  obeya_time_set_fake_now ("2026-11-04T10:00:00+01:00");
  obeya_board_add_card (board,
                        obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_DONE),
                        NULL, -1, "Close October");
  obeya_time_set_fake_now (NULL);

  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  f->workspace = write_file (f, "team.obeya", g_bytes_get_data (bytes, NULL),
                             g_bytes_get_size (bytes));
  f->huddle = huddle_setup (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->workspace);
  g_free (f->huddle);
  obeya_time_set_fake_now (NULL);
}

/* Runs `obeya ARGS…` in process; keeps what it printed. */
typedef struct
{
  int   status;
  char *out;
  gsize out_length;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char **argv = NULL;
  Run run;
  va_list ap;
  const char *output;

  g_ptr_array_add (args, (gpointer) "obeya");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* GOption rearranges argv: give it a copy of the pointers. */
  argv = g_memdup2 (args->pdata, sizeof (char *) * args->len);
  run.status = obeya_cli_run (cli, (int) args->len - 1, argv);
  output = obeya_cli_get_output (cli, &run.out_length);
  run.out = g_memdup2 (output, run.out_length + 1);
  run.err = g_strdup (obeya_cli_get_errors (cli));
  /* Images are not for the test log. */
  if (g_utf8_validate (run.out, run.out_length, NULL))
    g_test_message ("obeya %s… → %d\n%s%s", first, run.status, run.out, run.err);
  else
    g_test_message ("obeya %s… → %d\n(%zu bytes)\n%s", first, run.status, run.out_length,
                    run.err);
  return run;
}

static void
test_commands (void)
{
  g_autofree char *summary = obeya_cli_get_summary ();

  g_assert_true (obeya_cli_is_command ("validate"));
  g_assert_true (obeya_cli_is_command ("export-csv"));
  g_assert_true (obeya_cli_is_command ("import-trello"));
  g_assert_true (obeya_cli_is_command ("audits"));
  g_assert_true (obeya_cli_is_command ("audit-report"));
  g_assert_true (obeya_cli_is_command ("help"));
  /* What GApplication handles stays with it. */
  g_assert_false (obeya_cli_is_command ("--help"));
  g_assert_false (obeya_cli_is_command ("team.obeya"));
  g_assert_false (obeya_cli_is_command (""));
  g_assert_false (obeya_cli_is_command (NULL));

  g_assert_true (g_str_has_prefix (summary, "Commands:\n"));
  g_assert_nonnull (strstr (summary, "  obeya validate FILE\n      Check a workspace file"));
  g_assert_nonnull (strstr (summary, "obeya export-csv --board NAME|ID"));
  g_assert_nonnull (strstr (summary, "obeya import-trello TRELLO.json WORKSPACE"));
  g_assert_nonnull (strstr (summary, "  obeya audits [--format text|csv] [--bom] [--output FILE] "
                                     "WORKSPACE\n      List the 5S audits"));
  g_assert_nonnull (strstr (summary, "  obeya audit-report (--audit ID | --area NAME|ID --latest) "
                                     "[--paper a4|letter] --output FILE.pdf WORKSPACE\n"));

  {
    g_auto(Run) run = run_cli ("help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, summary);
  }
  {
    g_auto(Run) run = run_cli ("help", "export-csv", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--moves"));
    g_assert_nonnull (strstr (run.out, "--output=FILE"));
  }
  {
    g_auto(Run) run = run_cli ("help", "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Unknown command “frobnicate”."));
  }
  {
    g_auto(Run) run = run_cli ("frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Commands:"));
  }
}

static void
test_validate_valid (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = run_cli ("validate", f->workspace, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "OK: 1 board, 3 cards, 1 person, 0 tags\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_corrupt (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) good = read_file (f->workspace);
  /* Cut in the middle: not JSON any more. */
  g_autofree char *truncated = write_file (f, "truncated.obeya", g_bytes_get_data (good, NULL),
                                           g_bytes_get_size (good) / 2);
  g_autofree char *wrong_type = write_file (f, "wrong-type.obeya",
                                            "{\"format\": \"obeya-workspace\", \"version\": 1,\n"
                                            " \"name\": [\"not\", \"a\", \"name\"]}\n", -1);
  g_autofree char *dangling = write_file (f, "dangling.obeya",
                                          "{\"format\": \"obeya-workspace\", \"version\": 1, "
                                          "\"boards\": [{\"id\": \"b1\", \"name\": \"B\", "
                                          "\"columns\": [], \"cards\": [{\"id\": \"k1\", "
                                          "\"title\": \"T\", \"column\": \"gone\", "
                                          "\"created\": \"2026-11-02T09:00:00+01:00\"}]}]}", -1);
  g_autofree char *syntax = write_file (f, "syntax.obeya",
                                        "{\"format\": \"obeya-workspace\",\n"
                                        "  \"version\": 1,\n"
                                        "  \"boards\": [,]\n}\n", -1);
  g_autofree char *not_ours = write_file (f, "trello.json", "{\"lists\": []}", -1);

  {
    g_auto(Run) run = run_cli ("validate", truncated, NULL);
    g_autofree char *prefix = g_strdup_printf ("%s: line ", truncated);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, ", column "));
  }
  {
    g_auto(Run) run = run_cli ("validate", syntax, NULL);
    g_autofree char *expected =
      g_strdup_printf ("%s: line 3, column 14: unexpected character “,”, expected a value\n",
                       syntax);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto(Run) run = run_cli ("validate", wrong_type, NULL);
    g_autofree char *expected = g_strdup_printf ("%s: name: expected a string\n", wrong_type);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
  }
  {
    g_auto(Run) run = run_cli ("validate", dangling, NULL);
    g_autofree char *prefix = g_strdup_printf ("%s: boards[0].cards[0].column: ", dangling);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, prefix));
  }
  {
    g_auto(Run) run = run_cli ("validate", not_ours, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "not an Obeya workspace"));
  }
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.obeya", NULL);
    g_auto(Run) run = run_cli ("validate", missing, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing));
    g_assert_nonnull (strstr (run.err, "No such file"));
  }
}

static void
test_validate_newer (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *newer = write_file (f, "newer.obeya",
                                       "{\"format\": \"obeya-workspace\", \"version\": 99, "
                                       "\"hyperboards\": [], \"people\": [{\"id\": \"p\", "
                                       "\"name\": \"Ana\"}]}", -1);
  g_autofree char *newer_broken = write_file (f, "newer-broken.obeya",
                                              "{\"format\": \"obeya-workspace\", \"version\": 99, "
                                              "\"boards\": {\"now\": \"an object\"}}", -1);

  /* It loads (read-only): OK, and a note says what that means. */
  {
    g_auto(Run) run = run_cli ("validate", newer, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "OK: 0 boards, 0 cards, 1 person, 0 tags\n"
                                              "Note: written by a newer version of Obeya "
                                              "(file version 99; this one knows up to 1). "));
    g_assert_nonnull (strstr (run.out, "read-only"));
  }
  /* It does not load: the error, and that a newer Obeya may read it. */
  {
    g_auto(Run) run = run_cli ("validate", newer_broken, NULL);
    g_autofree char *first = g_strdup_printf ("%s: boards: ", newer_broken);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, first));
    g_assert_nonnull (strstr (run.err, "comes from a newer version of Obeya (file version 99"));
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  {
    g_auto(Run) run = run_cli ("validate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Missing arguments.\n"));
    g_assert_nonnull (strstr (run.err, "validate FILE"));
  }
  {
    g_auto(Run) run = run_cli ("validate", f->workspace, f->workspace, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Too many arguments.\n"));
  }
  {
    g_auto(Run) run = run_cli ("validate", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Usage:"));
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto(Run) run = run_cli ("export-csv", "--colour", "red", f->workspace, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Unknown option --colour"));
  }
  {
    g_auto(Run) run = run_cli ("export-csv", f->workspace, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Which board?"));
    g_assert_nonnull (strstr (run.err, "“AP” (id "));
  }
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) saved = read_file (f->workspace);
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_load (saved, NULL);
  g_autoptr(ObeyaBoard) board = g_list_model_get_item (obeya_workspace_get_boards (ws), 0);
  g_autoptr(GBytes) cards = NULL;
  g_autoptr(GBytes) moves = NULL;
  g_autofree char *output = g_build_filename (f->dir, "moves.csv", NULL);

  /* The same "now" for the command and for the expected text. */
  obeya_time_set_fake_now ("2026-11-10T09:00:00+01:00");
  cards = obeya_csv_export_cards (board, obeya_timestamp_now (), OBEYA_CSV_WRITE_DEFAULT);
  moves = obeya_csv_export_moves (board, OBEYA_CSV_WRITE_BOM);

  /* By name, ignoring case, to the standard output. */
  {
    g_auto(Run) run = run_cli ("export-csv", "--board", "ap", f->workspace, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpmem (run.out, run.out_length, g_bytes_get_data (cards, NULL),
                     g_bytes_get_size (cards));
    g_assert_nonnull (strstr (run.out, "\"Approve invoice, 4711\",,In progress,"));
    g_assert_cmpstr (run.err, ==, "");
  }
  /* By id, moves, with a byte order mark, to a file. */
  {
    g_auto(Run) run = run_cli ("export-csv", "--moves", "--bom", "-o", output,
                               "--board", obeya_entity_get_id (OBEYA_ENTITY (board)),
                               f->workspace, NULL);
    g_autoptr(GBytes) written = read_file (output);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (run.out_length, ==, 0);
    g_assert_true (g_bytes_equal (written, moves));
  }
  /* "-" is the standard output. */
  {
    g_auto(Run) run = run_cli ("export-csv", "-b", "AP", "--output", "-", f->workspace, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpmem (run.out, run.out_length, g_bytes_get_data (cards, NULL),
                     g_bytes_get_size (cards));
  }
  /* No such board: the boards there are. */
  {
    g_auto(Run) run = run_cli ("export-csv", "--board", "Payroll", f->workspace, NULL);
    g_autofree char *listed = g_strdup_printf ("  “AP” (id %s)\n",
                                               obeya_entity_get_id (OBEYA_ENTITY (board)));

    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "There is no board “Payroll”. Its boards:\n"));
    g_assert_nonnull (strstr (run.err, listed));
    g_assert_cmpuint (run.out_length, ==, 0);
  }
  /* Two boards with one name: the id is needed. */
  {
    g_autofree char *two_path = NULL;
    g_autoptr(GBytes) two = NULL;

    obeya_workspace_add_board (ws, "Ap", OBEYA_BOARD_TEAM, OBEYA_BOARD_TEMPLATE_EMPTY);
    two = obeya_workspace_save (ws, NULL);
    two_path = write_file (f, "two.obeya", g_bytes_get_data (two, NULL), g_bytes_get_size (two));
    {
      g_auto(Run) run = run_cli ("export-csv", "--board", "AP", two_path, NULL);

      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "2 boards are named “AP”: give the id of one."));
    }
  }
}

static char *
trello_fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "trello-board.json", NULL);
}

static void
test_import_trello (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *trello = trello_fixture_path ();
  g_autoptr(GBytes) reloaded_bytes = NULL;
  g_autoptr(ObeyaWorkspace) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_file (f->workspace);
  g_auto(Run) run = { 0, };
  g_autofree char *expected = NULL;

  run = run_cli ("import-trello", trello, f->workspace, NULL);
  expected = g_strdup_printf ("Imported “Accounts Payable” into %s: 4 columns, 8 cards "
                              "(2 archived), 1 new person, 6 new tags\n", f->workspace);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");

  /* Saved: the file holds both boards, and loads. */
  reloaded_bytes = read_file (f->workspace);
  reloaded = obeya_workspace_load (reloaded_bytes, &error);
  g_assert_no_error (error);
  {
    g_autofree char *summary = obeya_workspace_dup_summary (reloaded);
    g_assert_cmpstr (summary, ==, "2 boards, 11 cards, 2 people, 6 tags");
  }
  /* No temporary file left behind: the workspaces and the backups folder. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_true (strcmp (name, "team.obeya") == 0 ||
                       strcmp (name, "huddle.obeya") == 0 ||
                       strcmp (name, ".team.obeya.backups") == 0);
        n++;
      }
    g_assert_cmpuint (n, ==, 3);
  }
  /* A backup of the file as it was, as the application keeps them. */
  {
    g_auto(GStrv) backups = obeya_file_list_backups (f->workspace);
    g_autoptr(GBytes) backup = NULL;

    g_assert_cmpuint (g_strv_length (backups), ==, 1);
    backup = read_file (backups[0]);
    g_assert_true (g_bytes_equal (backup, before));
  }
}

static void
test_import_trello_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *trello = trello_fixture_path ();
  g_autoptr(GBytes) before = read_file (f->workspace);
  g_autofree char *bad = write_file (f, "bad.json",
                                     "{\"name\": \"B\", \"lists\": [], \"cards\": "
                                     "[{\"id\": \"c\", \"name\": \"C\", \"idList\": \"x\"}]}", -1);
  g_autofree char *newer = write_file (f, "newer.obeya",
                                       "{\"format\": \"obeya-workspace\", \"version\": 2}", -1);
  g_autoptr(GBytes) newer_before = read_file (newer);

  /* A bad export: the error names the export and the member; the
   * workspace file is as it was. */
  {
    g_auto(Run) run = run_cli ("import-trello", bad, f->workspace, NULL);
    g_autofree char *expected = g_strdup_printf ("%s: cards[0].idList: no list with id “x” in "
                                                 "this board\n", bad);
    g_autoptr(GBytes) after = read_file (f->workspace);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_true (g_bytes_equal (before, after));
  }
  /* A workspace from a newer Obeya is never written. */
  {
    g_auto(Run) run = run_cli ("import-trello", trello, newer, NULL);
    g_autoptr(GBytes) after = read_file (newer);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "newer version of Obeya (file version 2)"));
    g_assert_nonnull (strstr (run.err, "never writes it"));
    g_assert_true (g_bytes_equal (newer_before, after));
  }
  /* A workspace that does not load is not replaced by a new one. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.obeya", NULL);
    g_auto(Run) run = run_cli ("import-trello", trello, missing, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  /* No such export. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
    g_auto(Run) run = run_cli ("import-trello", missing, f->workspace, NULL);
    g_autoptr(GBytes) after = read_file (f->workspace);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "missing.json"));
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_save_through_link (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *trello = trello_fixture_path ();
  g_autofree char *link = g_build_filename (f->dir, "link.obeya", NULL);
  g_autofree char *target = NULL;
  GStatBuf st;

  /* The workspace reached through a symbolic link, readable by its owner only. */
  g_assert_cmpint (g_chmod (f->workspace, 0600), ==, 0);
  g_assert_cmpint (symlink ("team.obeya", link), ==, 0);
  {
    g_auto(Run) run = run_cli ("import-trello", trello, link, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "team.obeya");
  g_assert_cmpint (g_stat (f->workspace, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_auto(Run) run = run_cli ("validate", f->workspace, NULL);
    g_assert_cmpstr (run.out, ==, "OK: 2 boards, 11 cards, 2 people, 6 tags\n");
  }
}

static void
test_changed_meanwhile (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *etag = NULL;
  struct utimbuf times = { 1700000000, 1700000000 };

  ws = obeya_cli_load_workspace (cli, f->workspace, &etag);
  g_assert_nonnull (ws);
  g_assert_nonnull (etag);

  /* Someone else saves the file (here: only its time changes). */
  g_assert_cmpint (g_utime (f->workspace, &times), ==, 0);
  before = read_file (f->workspace);
  obeya_workspace_add_person (ws, "Ben Okafor");
  g_assert_false (obeya_cli_save_workspace (cli, ws, f->workspace, etag));
  g_assert_nonnull (strstr (obeya_cli_get_errors (cli), "changed since it was read"));
  after = read_file (f->workspace);
  g_assert_true (g_bytes_equal (before, after));

  /* Without the check, it saves. */
  g_assert_true (obeya_cli_save_workspace (cli, ws, f->workspace, NULL));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_file (f->workspace);
  g_assert_nonnull (strstr (g_bytes_get_data (after, NULL), "Ben Okafor"));
}

/* Another program replaces the file (a new file renamed over it) and sets
 * the time back to what it was: the etag still tells. */
static void
test_replaced_meanwhile (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autoptr(GBytes) before = read_file (f->workspace);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *other = NULL;
  g_autofree char *backup_dir = obeya_file_get_backup_dir (f->workspace);
  GStatBuf st;
  struct utimbuf times;

  ws = obeya_cli_load_workspace (cli, f->workspace, &etag);
  g_assert_nonnull (ws);

  g_assert_cmpint (g_stat (f->workspace, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime;
  other = write_file (f, "other.obeya", g_bytes_get_data (before, NULL),
                      g_bytes_get_size (before));
  g_assert_cmpint (g_utime (other, &times), ==, 0);
  g_assert_cmpint (g_rename (other, f->workspace), ==, 0);

  obeya_workspace_add_person (ws, "Ben Okafor");
  g_assert_false (obeya_cli_save_workspace (cli, ws, f->workspace, etag));
  g_assert_nonnull (strstr (obeya_cli_get_errors (cli), "changed since it was read"));
  after = read_file (f->workspace);
  g_assert_true (g_bytes_equal (before, after));
  /* Nothing to back up when nothing was written. */
  g_assert_false (g_file_test (backup_dir, G_FILE_TEST_EXISTS));
}

/* A file from a newer Obeya loads read-only and is never written. */
static void
test_save_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
  g_autofree char *newer = write_file (f, "newer.obeya",
                                       "{\"format\": \"obeya-workspace\", \"version\": 7}", -1);
  g_autoptr(GBytes) before = read_file (newer);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *etag = NULL;

  ws = obeya_cli_load_workspace (cli, newer, &etag);
  g_assert_nonnull (ws);
  g_assert_true (obeya_workspace_get_read_only (ws));
  g_assert_false (obeya_cli_check_writable (cli, ws, newer));
  g_assert_false (obeya_cli_save_workspace (cli, ws, newer, etag));
  g_assert_false (obeya_cli_save_workspace (cli, ws, newer, NULL));
  g_assert_nonnull (strstr (obeya_cli_get_errors (cli), "never writes it"));
  after = read_file (newer);
  g_assert_true (g_bytes_equal (before, after));
}

/* ---- metric entries ---------------------------------------------------------- */

static ObeyaWorkspace *
load_file (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autoptr(GError) error = NULL;
  ObeyaWorkspace *ws = obeya_workspace_load (bytes, &error);

  g_assert_no_error (error);
  return ws;
}

static double
entry_value (ObeyaWorkspace *ws,
             const char     *metric_name,
             int             mday)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMetric *metric = obeya_metrics_find_metric_by_name (metrics, metric_name);
  const ObeyaMetricEntry *entry;

  g_assert_nonnull (metric);
  entry = obeya_metric_get_entry (metric, obeya_day_from_ymd (2026, 11, mday));
  return entry != NULL ? entry->value : NAN;
}

static const char good_entries[] =
  "date,metric,value,note,reason\r\n"
  "2026-11-09,Invoices processed,401,,\r\n"
  "2026-11-09,overtime hours,9.5,\"Month end, again\",System outage\r\n"
  "2026-11-03,Overtime hours,12,,\r\n"   /* changes 13.5 */
  "2026-11-02,Overtime hours,5,,\r\n";   /* as it is */

static void
test_import_entries (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "entries.csv", good_entries, -1);
  g_autoptr(GBytes) before = read_file (f->huddle);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_auto(GStrv) backups = NULL;

  obeya_time_set_fake_now (HUDDLE_NOW);
  {
    g_auto(Run) run = run_cli ("import-entries", csv, f->huddle, NULL);
    g_autofree char *expected = g_strdup_printf ("%s: 4 rows read\n"
                                                 "  “Invoices processed”: 1 row, 2026-11-09 "
                                                 "(1 new)\n"
                                                 "  “Overtime hours”: 3 rows, 2026-11-02 to "
                                                 "2026-11-09 (1 new, 1 changed, 1 unchanged)\n"
                                                 "Imported 3 entries into %s.\n",
                                                 csv, f->huddle);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_cmpstr (run.err, ==, "");
  }
  ws = load_file (f->huddle);
  g_assert_cmpfloat (entry_value (ws, "Invoices processed", 9), ==, 401);
  g_assert_cmpfloat (entry_value (ws, "Overtime hours", 9), ==, 9.5);
  g_assert_cmpfloat (entry_value (ws, "Overtime hours", 3), ==, 12);
  g_assert_cmpfloat (entry_value (ws, "Overtime hours", 2), ==, 5);
  /* Saved like the app saves: a backup of what was there. */
  backups = obeya_file_list_backups (f->huddle);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);

  /* Again: nothing to do, nothing written. */
  after = read_file (f->huddle);
  {
    g_auto(Run) run = run_cli ("import-entries", csv, f->huddle, NULL);
    g_autoptr(GBytes) again = read_file (f->huddle);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "(3 unchanged)\n"));
    g_assert_nonnull (strstr (run.out, "Nothing to import"));
    g_assert_true (g_bytes_equal (after, again));
  }
  g_assert_false (g_bytes_equal (before, after));
}

static void
test_import_entries_dry_run (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "entries.csv", good_entries, -1);
  g_autoptr(GBytes) before = read_file (f->huddle);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backup_dir = obeya_file_get_backup_dir (f->huddle);
  GStatBuf st_before, st_after;

  obeya_time_set_fake_now (HUDDLE_NOW);
  g_assert_cmpint (g_stat (f->huddle, &st_before), ==, 0);
  {
    g_auto(Run) run = run_cli ("import-entries", "--dry-run", csv, f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "(1 new, 1 changed, 1 unchanged)\n"
                                              "Dry run: 3 entries would change; nothing was "
                                              "written.\n"));
    g_assert_cmpstr (run.err, ==, "");
  }
  /* Byte for byte as it was, not even rewritten. */
  after = read_file (f->huddle);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (f->huddle, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_ino, ==, st_before.st_ino);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_false (g_file_test (backup_dir, G_FILE_TEST_EXISTS));
}

static void
test_import_entries_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "date,metric,value\n"
                                     "2026-11-09,Invoices processed,401\n"
                                     "2026-13-01,Invoices processed,401\n"
                                     "2026-11-09,Invoices,401\n"
                                     "2026-11-20,Overtime hours,1\n", -1);
  g_autofree char *bad_header = write_file (f, "header.csv", "day,metric,value\n"
                                                             "2026-11-09,Invoices processed,1\n",
                                            -1);
  g_autofree char *bad_quotes = write_file (f, "quotes.csv",
                                            "date,metric,value,note\n"
                                            "2026-11-09,Invoices processed,1,\"open\n", -1);
  g_autofree char *good = write_file (f, "good.csv", good_entries, -1);
  g_autofree char *newer = write_file (f, "newer.obeya",
                                       "{\"format\": \"obeya-workspace\", \"version\": 9}", -1);
  g_autoptr(GBytes) before = read_file (f->huddle);

  obeya_time_set_fake_now (HUDDLE_NOW);
  /* Every bad row with its line and reason; nothing imported. */
  {
    g_auto(Run) run = run_cli ("import-entries", bad, f->huddle, NULL);
    g_autofree char *expected = g_strdup_printf (
      "%s: line 3: “2026-13-01” is not a date (YYYY-MM-DD)\n"
      "%s: line 4: no metric named “Invoices”\n"
      "%s: line 5: 2026-11-20 is in the future\n"
      "Nothing was imported: 3 rows are wrong.\n", bad, bad, bad);
    g_autofree char *read = g_strdup_printf ("%s: 4 rows read\n", bad);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.out, read));
    g_assert_cmpstr (run.err, ==, expected);
  }
  /* The same in a dry run. */
  {
    g_auto(Run) run = run_cli ("import-entries", "-n", bad, f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Nothing was imported: 3 rows are wrong."));
    g_assert_null (strstr (run.out, "Dry run"));
  }
  /* A file that is not usable at all: one error, no rows. */
  {
    g_auto(Run) run = run_cli ("import-entries", bad_header, f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, ": line 1: unknown column “day”"));
  }
  {
    g_auto(Run) run = run_cli ("import-entries", bad_quotes, f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, ": line 2: column 33: this quoted field is never closed"));
  }
  /* No such file. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
    g_auto(Run) run = run_cli ("import-entries", missing, f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "missing.csv"));
  }
  {
    g_autoptr(GBytes) after = read_file (f->huddle);
    g_assert_true (g_bytes_equal (before, after));
  }
  /* A file from a newer Obeya is never written. */
  {
    g_autoptr(GBytes) newer_before = read_file (newer);
    g_auto(Run) run = run_cli ("import-entries", good, newer, NULL);
    g_autoptr(GBytes) newer_after = read_file (newer);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "never writes it"));
    g_assert_true (g_bytes_equal (newer_before, newer_after));
  }
  /* Usage. */
  {
    g_auto(Run) run = run_cli ("import-entries", good, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "Missing arguments."));
  }
}

static void
test_export_entries (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = load_file (f->huddle);
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMetric *invoices = obeya_metrics_find_metric_by_name (metrics, "Invoices processed");
  g_autofree char *all = obeya_metrics_export_csv (metrics, NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
  g_autofree char *output = g_build_filename (f->dir, "out.csv", NULL);

  obeya_time_set_fake_now (HUDDLE_NOW);
  /* Everything, to the standard output. */
  {
    g_auto(Run) run = run_cli ("export-entries", f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, all);
    g_assert_nonnull (strstr (run.out, "2026-11-04,Invoices processed,350,Down all morning,"
                                       "System outage\r\n"));
  }
  /* One metric by id, a range, to a file. */
  {
    g_auto(Run) run = run_cli ("export-entries", "--metric",
                               obeya_entity_get_id (OBEYA_ENTITY (invoices)),
                               "--from", "2026-11-03", "--to", "2026-11-04",
                               "-o", output, f->huddle, NULL);
    g_autoptr(GBytes) written = read_file (output);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (run.out_length, ==, 0);
    g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                     "date,metric,value,note,reason\r\n"
                     "2026-11-03,Invoices processed,398.5,,\r\n"
                     "2026-11-04,Invoices processed,350,Down all morning,System outage\r\n",
                     strlen ("date,metric,value,note,reason\r\n"
                             "2026-11-03,Invoices processed,398.5,,\r\n"
                             "2026-11-04,Invoices processed,350,Down all morning,"
                             "System outage\r\n"));
  }
  /* By name, ignoring case; from a day on. */
  {
    g_auto(Run) run = run_cli ("export-entries", "-m", "OVERTIME HOURS", "--from", "2026-11-03",
                               f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "date,metric,value,note,reason\r\n"
                                  "2026-11-03,Overtime hours,13.5,,\r\n");
  }
  /* No such metric: the metrics there are. */
  {
    g_auto(Run) run = run_cli ("export-entries", "--metric", "Scrap", f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "There is no metric “Scrap”. Its metrics:\n"
                                              "  “Invoices processed” (id "));
    g_assert_cmpuint (run.out_length, ==, 0);
  }
  /* Bad dates are usage errors. */
  {
    g_auto(Run) run = run_cli ("export-entries", "--from", "2026-11-31", f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "--from: “2026-11-31” is not a date (YYYY-MM-DD)\n");
  }
  {
    g_auto(Run) run = run_cli ("export-entries", "--from", "2026-11-05", "--to", "2026-11-04",
                               f->huddle, NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "--from 2026-11-05 is after --to 2026-11-04.\n");
  }
}

/* ---- chart ------------------------------------------------------------------- */

typedef struct
{
  GBytes *bytes;
  guint   offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guchar *bytes = g_bytes_get_data (reader->bytes, &size);

  if (reader->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes a PNG: NULL when it is not one. */
static cairo_surface_t *
decode_png (GBytes *bytes)
{
  PngReader reader = { bytes, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/* The brightness (0-255) of the pixel at (x, y). */
static double
brightness_at (cairo_surface_t *surface,
               int              x,
               int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3.;
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "run.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "pareto.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "calendar.pdf", NULL);
  double light_corner;

  obeya_time_set_fake_now (HUDDLE_NOW);
  /* A run chart as PNG, of the size asked for. */
  {
    g_auto(Run) run = run_cli ("chart", "--metric", "invoices processed", "--size", "640x360",
                               "--output", png, f->huddle, NULL);
    g_autoptr(GBytes) bytes = read_file (png);
    cairo_surface_t *image = decode_png (bytes);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (image);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 360);
    light_corner = brightness_at (image, 2, 2);
    g_assert_cmpfloat (light_corner, >, 200);
    cairo_surface_destroy (image);
  }
  /* Dark, to the standard output, the default size. */
  {
    g_auto(Run) run = run_cli ("chart", "-m", "Invoices processed", "--dark", "--format", "png",
                               "-o", "-", f->huddle, NULL);
    g_autoptr(GBytes) bytes = g_bytes_new (run.out, run.out_length);
    cairo_surface_t *image = decode_png (bytes);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (image);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
    g_assert_cmpfloat (brightness_at (image, 2, 2), <, 80);
    cairo_surface_destroy (image);
  }
  /* A Pareto of the misses as SVG, a calendar as PDF. */
  {
    g_auto(Run) run = run_cli ("chart", "-m", "Invoices processed", "--type", "pareto",
                               "--from", "2026-11-01", "-o", svg, f->huddle, NULL);
    g_autoptr(GBytes) bytes = read_file (svg);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_autoptr(GMarkupParseContext) xml = NULL;
    g_autoptr(GError) error = NULL;
    const GMarkupParser no_callbacks = { NULL, };

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (text, "<?xml"));
    g_assert_nonnull (strstr (text, "<svg"));
    g_assert_true (g_str_has_suffix (text, "</svg>\n"));
    /* Well-formed XML. */
    xml = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
    g_assert_true (g_markup_parse_context_parse (xml, text, -1, &error) &&
                   g_markup_parse_context_end_parse (xml, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Run) run = run_cli ("chart", "-m", "Overtime hours", "--type", "calendar",
                               "--month", "2026-11", "-o", pdf, f->huddle, NULL);
    g_autoptr(GBytes) bytes = read_file (pdf);
    gsize size;
    const char *text = g_bytes_get_data (bytes, &size);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (size > 1000 && memcmp (text, "%PDF-", 5) == 0);
    g_assert_nonnull (g_strstr_len (text + size - 64, 64, "startxref"));
    g_assert_nonnull (g_strstr_len (text + size - 32, 32, "%%EOF"));
  }
  /* Nothing to show: the chart says so, and a note tells. */
  {
    g_auto(Run) run = run_cli ("chart", "-m", "Invoices processed", "--from", "2026-01-05",
                               "--to", "2026-01-09", "--format", "svg", "-o", "-", f->huddle,
                               NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "<svg"));
    g_assert_nonnull (strstr (run.err, "has nothing to show there"));
  }
}

static void
test_chart_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *unknown_ext = g_build_filename (f->dir, "chart.gif", NULL);
  const struct { const char *args[10]; int status; const char *err; } cases[] = {
    { { "-m", "Invoices processed", NULL }, 2, "Where to? Give --output FILE" },
    { { "-m", "Invoices processed", "-o", unknown_ext, NULL }, 2, "Which format?" },
    { { "-m", "Invoices processed", "-o", "-", NULL }, 2, "Which format?" },
    { { "-m", "Invoices processed", "-f", "gif", "-o", png, NULL }, 2,
      "--format: “gif” is not a format" },
    { { "-m", "Invoices processed", "-t", "pie", "-o", png, NULL }, 2,
      "--type: “pie” is not a chart type" },
    { { "-m", "Invoices processed", "-s", "640", "-o", png, NULL }, 2,
      "--size: “640” is not a size" },
    { { "-m", "Invoices processed", "-s", "8x8", "-o", png, NULL }, 2,
      "--size: “8x8” is not a size" },
    { { "-m", "Invoices processed", "--month", "2026-11", "-o", png, NULL }, 2,
      "--month is for calendars" },
    { { "-m", "Invoices processed", "-t", "calendar", "--from", "2026-11-01", "-o", png, NULL },
      2, "A calendar shows a month" },
    { { "-m", "Invoices processed", "-t", "calendar", "--month", "2026-13", "-o", png, NULL },
      2, "--month: “2026-13” is not a month" },
    { { "-m", "Invoices processed", "--to", "yesterday", "-o", png, NULL }, 2,
      "--to: “yesterday” is not a date" },
    { { "-o", png, NULL }, 2, "Which metric? Give --metric NAME or --metric ID. Its metrics:\n" },
    { { "-m", "Scrap", "-o", png, NULL }, 1, "There is no metric “Scrap”." },
  };

  obeya_time_set_fake_now (HUDDLE_NOW);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      int status;

      g_ptr_array_add (args, (gpointer) "obeya");
      g_ptr_array_add (args, (gpointer) "chart");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) cases[i].args[a]);
      g_ptr_array_add (args, f->huddle);
      g_ptr_array_add (args, NULL);

      status = obeya_cli_run (cli, (int) args->len - 1, (char **) args->pdata);
      g_test_message ("case %u → %d: %s", i, status, obeya_cli_get_errors (cli));
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_nonnull (strstr (obeya_cli_get_errors (cli), cases[i].err));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (unknown_ext, G_FILE_TEST_EXISTS));
    }
}

/* ---- the program ------------------------------------------------------------ */

/* Runs the built `obeya` with @args; NULL (and the test skipped) when the
 * test does not know where it is. */
/* ---- audits and audit-report ------------------------------------------------ */

/* The 5S sample (three areas, 18 finished audits and a draft, actions on a
 * board) plus an area never audited, saved to audits.obeya. */
static char *
audits_setup (Fixture         *f,
              ObeyaWorkspace **loaded)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  ObeyaBoard *board;
  ObeyaArea *area;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  board = obeya_workspace_add_board (ws, "Team", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  obeya_sample_add_5s (ws, board, obeya_day_from_ymd (2026, 11, 2));
  area = g_list_model_get_item (obeya_audits_get_areas (audits), 0);
  obeya_audits_add_area (audits, "Empty corner", obeya_area_get_template (area),
                         OBEYA_AUDIT_CADENCE_QUARTERLY);
  g_object_unref (area);
  obeya_time_set_fake_now (NULL);

  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  *loaded = obeya_workspace_load (bytes, &error);
  g_assert_no_error (error);
  return write_file (f, "audits.obeya", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The audit of @area_name: its latest finished one, or its draft. */
static ObeyaAudit *
audit_of (ObeyaWorkspace *ws,
          const char     *area_name,
          gboolean        draft)
{
  GListModel *list = obeya_audits_get_audits (obeya_workspace_get_audits (ws));
  ObeyaAudit *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (list, i);

      if (g_str_equal (obeya_area_get_name (obeya_audit_get_area (audit)), area_name) &&
          obeya_audit_is_finished (audit) == !draft &&
          (found == NULL || obeya_audit_get_date (audit) > obeya_audit_get_date (found)))
        found = audit;
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
contains (const char *data,
          gsize       size,
          const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

#define A4_MEDIA_BOX     "/MediaBox [ 0 0 595.275591 841.889764 ]"
#define LETTER_MEDIA_BOX "/MediaBox [ 0 0 612 792 ]"

/* A whole PDF file of pages of @media_box. */
static void
assert_pdf (const char *data,
            gsize       size,
            const char *media_box)
{
  g_assert_cmpuint (size, >, 10000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_true (memcmp (data + size - 6, "%%EOF\n", 6) == 0);
  g_assert_true (contains (data, size, media_box));
  g_assert_false (contains (data, size, g_str_equal (media_box, A4_MEDIA_BOX) ? LETTER_MEDIA_BOX
                                                                              : A4_MEDIA_BOX));
}

static void
test_audits_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *path = audits_setup (f, &ws);
  g_autofree char *expected = obeya_audits_export_csv (obeya_workspace_get_audits (ws));
  g_autofree char *output = g_build_filename (f->dir, "audits.csv", NULL);

  {
    g_auto(Run) run = run_cli ("audits", "--format", "csv", path, NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpstr (run.out, ==, expected);
    lines = g_strsplit (run.out, "\r\n", -1);
    /* A header, 19 audits, and the empty string after the last CRLF. */
    g_assert_cmpuint (g_strv_length (lines), ==, 21);
    g_assert_cmpstr (lines[0], ==, "area,date,auditor,state,overall,sort,set_in_order,shine,"
                                   "standardize,sustain");
    for (guint i = 1; i < 20; i++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

        g_assert_cmpuint (g_strv_length (cells), ==, 10);
        g_assert_true (g_str_equal (cells[3], "finished") || g_str_equal (cells[3], "draft"));
        /* A finished audit has an overall score: 0.0 to 100.0, one decimal. */
        if (g_str_equal (cells[3], "finished"))
          {
            double overall = g_ascii_strtod (cells[4], NULL);

            g_assert_nonnull (strchr (cells[4], '.'));
            g_assert_cmpfloat (overall, >, 0.);
            g_assert_cmpfloat (overall, <=, 100.);
          }
      }
    g_assert_true (g_str_has_prefix (lines[1], "AP team desks,") ||
                   g_str_has_prefix (lines[1], "Finance shared drive,") ||
                   g_str_has_prefix (lines[1], "Meeting room 2,"));
    g_assert_cmpstr (lines[20], ==, "");
  }
  /* To a file, with the byte order mark Excel wants. */
  {
    g_auto(Run) run = run_cli ("audits", "-f", "csv", "--bom", "--output", output, path, NULL);
    g_autoptr(GBytes) bytes = read_file (output);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (expected) + 3);
    g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "\xef\xbb\xbf", 3) == 0);
    g_assert_true (memcmp ((const char *) g_bytes_get_data (bytes, NULL) + 3, expected,
                           strlen (expected)) == 0);
  }
  /* A workspace without audits: the header alone. */
  {
    g_auto(Run) run = run_cli ("audits", "--format", "CSV", f->workspace, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "area,date,auditor,state,overall,sort,set_in_order,shine,"
                                  "standardize,sustain\r\n");
  }
}

static void
test_audits_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *path = audits_setup (f, &ws);
  ObeyaAudit *draft = audit_of (ws, "Meeting room 2", TRUE);
  const char *draft_id = obeya_entity_get_id (OBEYA_ENTITY (draft));

  {
    g_auto(Run) run = run_cli ("audits", path, NULL);
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    g_autofree char *draft_line = NULL;

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    /* Headers, 19 audits by date (the draft, today's, last), the empty string. */
    g_assert_cmpuint (g_strv_length (lines), ==, 21);
    g_assert_true (g_str_has_prefix (lines[0], "  Date        Area "));
    g_assert_true (g_str_has_suffix (lines[0], "Id"));
    g_assert_true (g_str_has_prefix (lines[19], "  2026-11-02  Meeting room 2 "));
    g_assert_true (g_str_has_suffix (lines[19], draft_id));
    g_assert_nonnull (strstr (lines[19], " Draft "));
    g_assert_nonnull (strstr (lines[1], " Finished "));
    g_assert_nonnull (strstr (lines[1], " %  "));
  }
  {
    g_auto(Run) run = run_cli ("audits", f->workspace, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, "The workspace has no 5S audits.\n");
  }
  {
    g_auto(Run) run = run_cli ("audits", "--format", "xml", path, NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "--format: “xml” is not a format: text or csv.\n");
  }
  {
    g_auto(Run) run = run_cli ("audits", "--bom", path, NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "--bom is for CSV (--format csv).\n");
  }
}

static void
test_audit_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *path = audits_setup (f, &ws);
  g_autofree char *latest_pdf = g_build_filename (f->dir, "latest.pdf", NULL);
  g_autofree char *letter_pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  ObeyaAudit *finance = audit_of (ws, "Finance shared drive", FALSE);
  ObeyaAudit *draft = audit_of (ws, "Meeting room 2", TRUE);

  /* The latest audit of an area by name, any case: A4 in this locale. */
  {
    g_auto(Run) run = run_cli ("audit-report", "--area", "ap TEAM desks", "--latest",
                               "--output", latest_pdf, path, NULL);
    g_autoptr(GBytes) bytes = read_file (latest_pdf);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, "");
    assert_pdf (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), A4_MEDIA_BOX);
  }
  /* An audit by id, on Letter; by area id. */
  {
    g_auto(Run) run = run_cli ("audit-report", "--audit",
                               obeya_entity_get_id (OBEYA_ENTITY (finance)), "--paper", "letter",
                               "-o", letter_pdf, path, NULL);
    g_autoptr(GBytes) bytes = read_file (letter_pdf);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    assert_pdf (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), LETTER_MEDIA_BOX);
  }
  {
    g_auto(Run) run = run_cli ("audit-report", "--area",
                               obeya_entity_get_id (OBEYA_ENTITY (obeya_audit_get_area (finance))),
                               "--latest", "--paper", "A4", "-o", "-", path, NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_pdf (run.out, run.out_length, A4_MEDIA_BOX);
  }
  /* A draft: made, with a note that it says DRAFT. */
  {
    g_auto(Run) run = run_cli ("audit-report", "--audit",
                               obeya_entity_get_id (OBEYA_ENTITY (draft)), "--output", "-", path,
                               NULL);

    g_assert_cmpint (run.status, ==, 0);
    assert_pdf (run.out, run.out_length, A4_MEDIA_BOX);
    g_assert_cmpstr (run.err, ==, "Note: this audit is a draft; its report is marked DRAFT.\n");
  }
}

static void
test_audit_report_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *path = audits_setup (f, &ws);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  const char *audit_id = obeya_entity_get_id (OBEYA_ENTITY (audit_of (ws, "AP team desks",
                                                                     FALSE)));
  const struct
  {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { "--area", "AP team desks", "--latest", NULL }, 2, "Where to? Give --output FILE.pdf" },
    { { "--audit", audit_id, "--paper", "legal", "-o", pdf, NULL }, 2,
      "--paper: “legal” is not a paper size: a4 or letter.\n" },
    { { "--audit", audit_id, "--area", "AP team desks", "-o", pdf, NULL }, 2,
      "Give either --audit ID, or --area NAME with --latest, not both.\n" },
    { { "--latest", "-o", pdf, NULL }, 2,
      "--latest of which area? Give --area NAME or --area ID.\n" },
    { { "-o", pdf, NULL }, 2, "Which audit? Give --audit ID, or --area NAME --latest. Its "
                              "audits:\n  Date  " },
    { { "--area", "AP team desks", "-o", pdf, NULL }, 2,
      "Which audit of “AP team desks”? Give --latest, or --audit ID. Its audits:\n" },
    { { "--audit", "nosuchaudit", "-o", pdf, NULL }, 1,
      "There is no audit “nosuchaudit”. Its audits:\n" },
    { { "--area", "Kitchen", "--latest", "-o", pdf, NULL }, 1,
      "There is no area “Kitchen”. Its areas:\n  “AP team desks” (id " },
    { { "--area", "empty corner", "--latest", "-o", pdf, NULL }, 1,
      "“Empty corner” has no finished audit yet. “Empty corner” has no audits.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(ObeyaCli) cli = obeya_cli_new (TRUE);
      int status;

      g_ptr_array_add (args, (gpointer) "obeya");
      g_ptr_array_add (args, (gpointer) "audit-report");
      for (guint k = 0; cases[i].args[k] != NULL; k++)
        g_ptr_array_add (args, (gpointer) cases[i].args[k]);
      g_ptr_array_add (args, (gpointer) path);
      g_ptr_array_add (args, NULL);
      status = obeya_cli_run (cli, (int) args->len - 1, (char **) args->pdata);
      g_test_message ("case %u → %d: %s", i, status, obeya_cli_get_errors (cli));
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (obeya_cli_get_errors (cli), cases[i].message));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  /* The audits it lists carry their ids. */
  {
    g_auto(Run) run = run_cli ("audit-report", "--area", "AP team desks", "-o", pdf, path, NULL);

    g_assert_nonnull (strstr (run.err, audit_id));
  }
}

static gboolean
run_program (const char * const  *args,
             GSpawnChildSetupFunc setup,
             int                 *wait_status,
             char               **out,
             char               **err)
{
  const char *program = g_getenv ("OBEYA_PROGRAM");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    {
      g_test_skip ("OBEYA_PROGRAM is not set (meson test sets it)");
      return FALSE;
    }
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, setup, NULL, out, err,
                wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("obeya %s → %d\n%s%s", args[0], *wait_status, *out, *err);
  return TRUE;
}

/* `obeya --help` is GApplication's, and lists the commands too. */
static void
test_program_help (void)
{
  g_autofree char *summary = obeya_cli_get_summary ();
  const char *help_args[] = { "--help", NULL };
  const char *version_args[] = { "--version", NULL };
  const char *commands_args[] = { "help", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  if (!run_program (help_args, NULL, &status, &out, &err))
    return;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_str_has_prefix (out, "Usage:\n  obeya [OPTION…] [FILE…]\n"));
  g_assert_nonnull (strstr (out, "  --version "));
  g_assert_nonnull (strstr (out, summary));
  g_assert_nonnull (strstr (out, "obeya help COMMAND"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_program (version_args, NULL, &status, &out, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (out, ==, "Obeya " PACKAGE_VERSION "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A subcommand: no GApplication, no display. */
  run_program (commands_args, NULL, &status, &out, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (out, ==, summary);
}

static void
limit_file_size_cb (gpointer data)
{
  struct rlimit limit = { 2048, 2048 };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Past a file-size limit the save fails with a message; SIGXFSZ does not
 * kill the program halfway, and the file is as it was. */
static void
test_program_file_size_limit (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *trello = trello_fixture_path ();
  g_autoptr(GBytes) before = read_file (f->workspace);
  g_autoptr(GBytes) after = NULL;
  const char *args[] = { "import-trello", trello, f->workspace, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_assert_cmpuint (g_bytes_get_size (before), <, 2048);
  if (!run_program (args, limit_file_size_cb, &status, &out, &err))
    return;
  g_assert_false (WIFSIGNALED (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "File too large"));
  after = read_file (f->workspace);
  g_assert_true (g_bytes_equal (before, after));
  /* No temporary file left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (strstr (name, ".saving-"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/cli/commands", test_commands);
  ADD ("validate/valid", test_validate_valid);
  ADD ("validate/corrupt", test_validate_corrupt);
  ADD ("validate/newer", test_validate_newer);
  ADD ("usage", test_usage);
  ADD ("export-csv", test_export_csv);
  ADD ("import-trello", test_import_trello);
  ADD ("import-trello/refused", test_import_trello_refused);
  ADD ("save-through-link", test_save_through_link);
  ADD ("changed-meanwhile", test_changed_meanwhile);
  ADD ("replaced-meanwhile", test_replaced_meanwhile);
  ADD ("save-read-only", test_save_read_only);
  ADD ("import-entries", test_import_entries);
  ADD ("import-entries/dry-run", test_import_entries_dry_run);
  ADD ("import-entries/refused", test_import_entries_refused);
  ADD ("export-entries", test_export_entries);
  ADD ("chart", test_chart);
  ADD ("chart/refused", test_chart_refused);
  ADD ("audits/csv", test_audits_csv);
  ADD ("audits/list", test_audits_list);
  ADD ("audit-report", test_audit_report);
  ADD ("audit-report/refused", test_audit_report_refused);
  g_test_add_func ("/cli/program/help", test_program_help);
  ADD ("program/file-size-limit", test_program_file_size_limit);

#undef ADD

  return g_test_run ();
}
