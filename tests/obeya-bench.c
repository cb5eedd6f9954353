/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-bench: generates the "large workspace" of DESIGN.md section 5 and
 * prints the numbers the quality bars are about. It is a benchmark, not a
 * test: it measures and prints, it does not judge (the bars are printed
 * beside the numbers for the reader).
 *
 *   make bench                      (release build, runs this)
 *   obeya-bench [--keep FILE] [--gui APP-BINARY] [--skip-gui]
 *
 * The large workspace: 20 boards, 10,000 cards (2,000 on one board) with
 * about 5 moves each, 30 people, 12 tags. Later modules add their parts
 * (metrics, audits) in the marked section below.
 *
 * Load and memory are measured in a forked child, so its peak RSS is the
 * load's own. The GUI numbers come from running the app on the file with
 * OBEYA_BENCH=1 (it prints its own timings: first frame, board drawn,
 * frame times while scrolling the 2,000-card column and moving cards);
 * without a display the app is run under xvfb-run.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-file.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-lane.h"
#include "obeya-model-private.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

#define N_BOARDS       20
#define N_CARDS        10000
#define BIG_BOARD      2000
#define N_PEOPLE       30
#define N_TAGS         12

static const char *words[] = {
  "invoice", "vendor", "payment", "reconcile", "statement", "credit", "note", "purchase",
  "order", "approval", "month-end", "accrual", "journal", "ledger", "VAT", "return",
  "expense", "claim", "audit", "sample", "supplier", "onboarding", "master", "data",
  "duplicate", "query", "bank", "transfer", "refund", "customer", "dispute", "contract",
  "renewal", "budget", "forecast", "report", "payroll", "overtime", "travel", "policy",
};

static const char *first_names[] = {
  "Ana", "Ben", "Chen", "Dana", "Eva", "Farid", "Gina", "Hugo", "Ines", "Jonas",
  "Kemal", "Lena", "Marta", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
  "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Arno", "Bea", "Carl", "Dora",
};

static char *
random_text (GRand *rand,
             guint  min_words,
             guint  max_words)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  if (s->len > 0)
    s->str[0] = g_ascii_toupper (s->str[0]);
  g_string_append_printf (s, " %u", g_rand_int_range (rand, 1000, 99999));
  return g_string_free (s, FALSE);
}

static ObeyaWorkspace *
generate_workspace (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  ObeyaWorkspace *ws = obeya_workspace_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  ObeyaDay today = obeya_day_from_ymd (2026, 11, 25);
  guint cards_left = N_CARDS;

  obeya_workspace_set_name (ws, "Large benchmark workspace");
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %c.", first_names[i], 'A' + i % 26);
      g_ptr_array_add (people, obeya_workspace_add_person (ws, name));
    }
  for (guint i = 0; i < N_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %u", i + 1);
      g_ptr_array_add (tags, obeya_workspace_add_tag (ws, name, obeya_tag_colors ()[i % 8]));
    }

  for (guint b = 0; b < N_BOARDS; b++)
    {
      g_autofree char *name = g_strdup_printf ("Team board %u", b + 1);
      g_autoptr(ObeyaBoard) board = obeya_board_new (name, OBEYA_BOARD_TEAM,
                                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
      guint n_cards = b == 0 ? BIG_BOARD : cards_left / (N_BOARDS - b);
      ObeyaColumn *columns[5];
      ObeyaLane *lanes[2];

      cards_left -= n_cards;
      for (guint c = 0; c < 5; c++)
        {
          columns[c] = g_list_model_get_item (obeya_board_get_columns (board), c);
          g_object_unref (columns[c]);
        }
      g_object_set (columns[2], "wip-limit", 12, NULL);
      lanes[0] = obeya_board_add_lane (board, "Expedite", 0);
      lanes[1] = g_list_model_get_item (obeya_board_get_lanes (board), 1);
      g_object_unref (lanes[1]);

      for (guint i = 0; i < n_cards; i++)
        {
          g_autofree char *title = random_text (rand, 2, 6);
          g_autoptr(ObeyaCard) card = obeya_card_new (title);
          /* Most cards are done: the board's history. */
          guint target = g_rand_int_range (rand, 0, 100) < 60 ? 4 : g_rand_int_range (rand, 0, 4);
          ObeyaLane *lane = lanes[g_rand_int_range (rand, 0, 100) < 5 ? 0 : 1];
          int created_ago = g_rand_int_range (rand, 1, 700);
          ObeyaTimestamp t = obeya_timestamp_from_day (today - created_ago, 9, 0, 3600);
          const char *assignees[3] = { NULL, NULL, NULL };
          const char *card_tags[3] = { NULL, NULL, NULL };
          guint n_assignees = g_rand_int_range (rand, 0, 3);
          guint n_tags = g_rand_int_range (rand, 0, 3);

          _obeya_card_set_created (card, t);
          _obeya_card_append_move (card, t, obeya_entity_get_id (OBEYA_ENTITY (columns[0])),
                                   obeya_entity_get_id (OBEYA_ENTITY (lane)));
          for (guint c = 1; c <= target; c++)
            {
              t.seconds += g_rand_int_range (rand, 3600, 5 * 86400);
              _obeya_card_append_move (card, t, obeya_entity_get_id (OBEYA_ENTITY (columns[c])),
                                       obeya_entity_get_id (OBEYA_ENTITY (lane)));
            }
          for (guint k = 0; k < n_assignees; k++)
            assignees[k] = obeya_entity_get_id (people->pdata[g_rand_int_range (rand, 0, N_PEOPLE)]);
          for (guint k = 0; k < n_tags; k++)
            card_tags[k] = obeya_entity_get_id (tags->pdata[g_rand_int_range (rand, 0, N_TAGS)]);
          if (n_assignees == 2 && g_strcmp0 (assignees[0], assignees[1]) == 0)
            assignees[1] = NULL;
          if (n_tags == 2 && g_strcmp0 (card_tags[0], card_tags[1]) == 0)
            card_tags[1] = NULL;
          g_object_set (card,
                        "assignees", n_assignees ? assignees : NULL,
                        "tags", n_tags ? card_tags : NULL,
                        NULL);
          if (g_rand_int_range (rand, 0, 100) < 40)
            {
              g_autofree char *description = random_text (rand, 8, 30);
              g_object_set (card, "description", description, NULL);
            }
          if (g_rand_int_range (rand, 0, 100) < 30)
            {
              g_autofree char *due = obeya_day_to_string (today - 30 + g_rand_int_range (rand, 0, 90));
              g_object_set (card, "due", due, NULL);
            }
          if (g_rand_int_range (rand, 0, 100) < 20)
            for (guint k = 0, n = g_rand_int_range (rand, 3, 6); k < n; k++)
              {
                g_autofree char *text = random_text (rand, 2, 4);
                ObeyaChecklistItem *item = obeya_card_add_checklist_item (card, text, -1);
                g_object_set (item, "done", g_rand_boolean (rand), NULL);
              }
          if (target < 4 && g_rand_int_range (rand, 0, 100) < 8)
            obeya_card_block (card, "Waiting for an answer from the supplier");

          obeya_board_insert_card (board, card, columns[target], lane, -1);
        }
      obeya_workspace_insert_board (ws, board, -1);
    }

  /* ---- later modules: metrics and audits are added here ---- */

  obeya_history_clear (obeya_workspace_get_history (ws));
  return ws;
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* A bare JsonParser load: map the file, parse it, and (the second number)
 * drop the tree, as any program that builds its own model must. */
static void
bare_parse (const char *path)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE, best_with_free = G_MAXDOUBLE;

  for (int run = 0; run < 5; run++)
    {
      double t0 = now_s (), t1;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
      JsonParser *parser = json_parser_new_immutable ();

      g_assert_no_error (error);
      if (!json_parser_load_from_data (parser, g_mapped_file_get_contents (mapped),
                                       g_mapped_file_get_length (mapped), &error))
        g_error ("%s", error->message);
      t1 = now_s ();
      g_object_unref (parser);
      best = MIN (best, t1 - t0);
      best_with_free = MIN (best_with_free, now_s () - t0);
    }
  printf ("bare-jsonparser-load-s %.4f\nbare-jsonparser-load-free-s %.4f\n", best, best_with_free);
}

static void
model_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;
  long steady = 0;

  for (int run = 0; run < 5; run++)
    {
      double t0 = now_s ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ObeyaWorkspace) ws = NULL;

      if (!obeya_file_load (path, &bytes, NULL, &error))
        g_error ("%s", error->message);
      ws = obeya_workspace_load (bytes, &error);
      if (ws == NULL)
        g_error ("%s", error->message);
      g_clear_pointer (&bytes, g_bytes_unref);
      best = MIN (best, now_s () - t0);
      if (run == 4)
        steady = rss_kb ();
    }
  printf ("obeya-load-s %.4f\nsteady-rss-kb %ld\n", best, steady);
}

static void
model_save (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autofree char *out = g_strconcat (path, ".resaved", NULL);
  double serialise = G_MAXDOUBLE, write = G_MAXDOUBLE;

  if (!obeya_file_load (path, &bytes, NULL, &error))
    g_error ("%s", error->message);
  ws = obeya_workspace_load (bytes, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  for (int run = 0; run < 3; run++)
    {
      double t0 = now_s (), t1;
      g_autoptr(GBytes) data = obeya_workspace_save (ws, &error);

      g_assert_no_error (error);
      t1 = now_s ();
      if (!obeya_file_save (out, data, NULL, 0, NULL, &error))
        g_error ("%s", error->message);
      serialise = MIN (serialise, t1 - t0);
      write = MIN (write, now_s () - t1);
    }
  g_unlink (out);
  printf ("save-serialise-s %.3f\nsave-write-s %.3f\n", serialise, write);
}

static GHashTable *
parse_child_output (const char *text)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], " ", 2);
      if (kv[0] != NULL && kv[1] != NULL)
        g_hash_table_insert (values, g_strdup (kv[0]), g_strdup (kv[1]));
    }
  return values;
}

/* Runs @func in a child with stdout captured. */
static char *
capture_child (void (*func) (const char *path),
               const char *path,
               long       *peak_kb)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  GString *out = g_string_new (NULL);
  char buf[4096];
  ssize_t n;

  if (pipe (fds) != 0)
    g_error ("pipe");
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      func (path);
      fflush (stdout);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("benchmark child failed");
  if (peak_kb)
    *peak_kb = usage.ru_maxrss;
  return g_string_free (out, FALSE);
}

static void
run_gui (const char *app,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;
  gboolean headless = g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());

  if (headless)
    {
      g_ptr_array_add (argv, "xvfb-run");
      g_ptr_array_add (argv, "-a");
      g_ptr_array_add (argv, "-s");
      g_ptr_array_add (argv, "-screen 0 1920x1080x24");
    }
  g_ptr_array_add (argv, (char *) app);
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "OBEYA_BENCH", start, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      printf ("gui: not run: %s\n", error->message);
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    printf ("gui: the app failed:\n%s\n", err);
  /* The app prints "bench: name value" lines. */
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "bench: "))
        printf ("%s\n", lines[i] + 7);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure Obeya on a large workspace");
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *app = NULL;
  gboolean skip_gui = FALSE;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the workspace to FILE and keep it", "FILE" },
    { "gui", 0, 0, G_OPTION_ARG_FILENAME, &app, "The obeya binary for the GUI numbers", "APP" },
    { "skip-gui", 0, 0, G_OPTION_ARG_NONE, &skip_gui, "Do not run the app", NULL },
    { NULL }
  };
  g_autoptr(ObeyaWorkspace) ws = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) bare = NULL, load = NULL, save = NULL;
  g_autofree char *bare_out = NULL, *load_out = NULL, *save_out = NULL;
  long load_peak = 0;
  double t0, bare_s, load_s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  printf ("Obeya benchmark: the large workspace of DESIGN.md section 5\n");
  printf ("  %u boards, %u cards (%u on one board), ~5 moves per card\n\n",
          N_BOARDS, N_CARDS, BIG_BOARD);

  t0 = now_s ();
  ws = generate_workspace ();
  printf ("%-44s %8.3f s\n", "generate (not a bar)", now_s () - t0);
  bytes = obeya_workspace_save (ws, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("obeya-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "large.obeya", NULL);
    }
  if (!obeya_file_save (path, bytes, NULL, 0, NULL, &error))
    g_error ("%s", error->message);
  printf ("%-44s %8.2f MB   (bar < 12 MB)\n", "file size", g_bytes_get_size (bytes) / 1e6);
  g_clear_pointer (&bytes, g_bytes_unref);

  bare_out = capture_child (bare_parse, path, NULL);
  load_out = capture_child (model_load, path, &load_peak);
  save_out = capture_child (model_save, path, NULL);
  bare = parse_child_output (bare_out);
  load = parse_child_output (load_out);
  save = parse_child_output (save_out);

  bare_s = g_ascii_strtod (g_hash_table_lookup (bare, "bare-jsonparser-load-free-s"), NULL);
  load_s = g_ascii_strtod (g_hash_table_lookup (load, "obeya-load-s"), NULL);
  printf ("%-44s %8.3f s\n", "bare JsonParser load (mapped file, parse)",
          g_ascii_strtod (g_hash_table_lookup (bare, "bare-jsonparser-load-s"), NULL));
  printf ("%-44s %8.3f s\n", "bare JsonParser load, parse + drop the tree", bare_s);
  printf ("%-44s %8.3f s    %.2fx bare parse + drop (bar < 1.25x)\n",
          "load: read + check + parse + model", load_s, load_s / bare_s);
  printf ("%-44s %8.3f s\n", "save: serialise (main thread)",
          g_ascii_strtod (g_hash_table_lookup (save, "save-serialise-s"), NULL));
  printf ("%-44s %8.3f s    (serialise + write: bar < 150 ms)\n",
          "save: atomic write (worker thread)",
          g_ascii_strtod (g_hash_table_lookup (save, "save-write-s"), NULL));
  printf ("%-44s %8.1f MB   (bar < 200 MB)\n", "peak RSS of a process loading it 5 times",
          load_peak / 1024.0);
  printf ("%-44s %8.1f MB   (bar < 120 MB, without the GUI)\n", "steady RSS with it loaded",
          g_ascii_strtod (g_hash_table_lookup (load, "steady-rss-kb"), NULL) / 1024.0);

  if (!skip_gui)
    {
      if (app == NULL)
        {
          g_autofree char *self_dir = g_path_get_dirname (argv[0]);
          app = g_build_filename (self_dir, "..", "src", "obeya", NULL);
        }
      printf ("\nGUI (%s):\n", app);
      run_gui (app, path);
    }

  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
