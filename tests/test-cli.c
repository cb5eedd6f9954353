/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, run in process on files in a temporary folder: valid,
 * corrupt, invalid and newer workspace files; CSV exports compared with the
 * core's; a Trello import saved atomically (through a symbolic link,
 * keeping permissions) or refused with the file untouched.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "obeya-board.h"
#include "obeya-cli.h"
#include "obeya-column.h"
#include "obeya-csv.h"
#include "obeya-file.h"
#include "obeya-workspace.h"

typedef struct
{
  char *dir;
  char *workspace; /* a valid workspace file: board "AP" with three cards */
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
  g_test_message ("obeya %s… → %d\n%s%s", first, run.status, run.out, run.err);
  return run;
}

static void
test_commands (void)
{
  g_autofree char *summary = obeya_cli_get_summary ();

  g_assert_true (obeya_cli_is_command ("validate"));
  g_assert_true (obeya_cli_is_command ("export-csv"));
  g_assert_true (obeya_cli_is_command ("import-trello"));
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
  /* No temporary file left behind: the workspace and its backups folder. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_true (strcmp (name, "team.obeya") == 0 ||
                       strcmp (name, ".team.obeya.backups") == 0);
        n++;
      }
    g_assert_cmpuint (n, ==, 2);
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

/* ---- the program ------------------------------------------------------------ */

/* Runs the built `obeya` with @args; NULL (and the test skipped) when the
 * test does not know where it is. */
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
  g_test_add_func ("/cli/program/help", test_program_help);
  ADD ("program/file-size-limit", test_program_file_size_limit);

#undef ADD

  return g_test_run ();
}
