/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "obeya-board.h"
#include "obeya-cli.h"
#include "obeya-cli-private.h"
#include "obeya-csv.h"
#include "obeya-document.h"
#include "obeya-file.h"
#include "obeya-json.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-trello.h"
#include "obeya-workspace.h"

static int run_validate      (ObeyaCli *cli, int argc, char **argv);
static int run_export_csv    (ObeyaCli *cli, int argc, char **argv);
static int run_import_trello (ObeyaCli *cli, int argc, char **argv);
static int run_help          (ObeyaCli *cli, int argc, char **argv);

/* The subcommands, in the order `obeya help` lists them. Add yours here. */
static const ObeyaCliCommand commands[] = {
  { "validate", "FILE",
    N_("Check a workspace file: print what it holds, or what is wrong and where"),
    run_validate },
  { "export-csv", "--board NAME|ID [--moves] [--bom] [--output FILE] WORKSPACE",
    N_("Export the cards of a board, or every move of its cards, as CSV"),
    run_export_csv },
  { "import-trello", "TRELLO.json WORKSPACE",
    N_("Add a board from a Trello JSON export to a workspace file"),
    run_import_trello },
  { "import-entries", "[--dry-run] ENTRIES.csv WORKSPACE",
    N_("Add metric entries from a CSV file to a workspace file: every row, or none"),
    _obeya_cli_run_import_entries },
  { "export-entries", "[--metric NAME|ID] [--from DATE] [--to DATE] [--output FILE] WORKSPACE",
    N_("Export the entries of the metrics, or of one, as CSV"),
    _obeya_cli_run_export_entries },
  { "chart", "--metric NAME|ID [--type run|pareto|calendar] [--from DATE] [--to DATE] "
             "[--month YYYY-MM] [--format png|svg|pdf] [--size WxH] [--dark] "
             "--output FILE WORKSPACE",
    N_("Draw a metric's run chart, Pareto of miss reasons or letter calendar as PNG, SVG or "
       "PDF"),
    _obeya_cli_run_chart },
  { "audits", "[--format text|csv] [--bom] [--output FILE] WORKSPACE",
    N_("List the 5S audits with their ids, or export their scores per S as CSV"),
    _obeya_cli_run_audits },
  { "audit-report", "(--audit ID | --area NAME|ID --latest) [--paper a4|letter] "
                    "--output FILE.pdf WORKSPACE",
    N_("Make the printable report of a 5S audit as PDF"),
    _obeya_cli_run_audit_report },
  { "help", "[COMMAND]",
    N_("List the commands, or show the options of one"),
    run_help },
};

struct _ObeyaCli
{
  gboolean  capture;
  GString  *out;
  GString  *err;
};

static const ObeyaCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
obeya_cli_is_command (const char *name)
{
  return lookup_command (name) != NULL;
}

char *
obeya_cli_get_summary (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  obeya %s %s\n      %s\n", commands[i].name,
                            commands[i].arguments, _(commands[i].summary));
  return g_string_free (text, FALSE);
}

/* ---- output ----------------------------------------------------------------- */

ObeyaCli *
obeya_cli_new (gboolean capture)
{
  ObeyaCli *cli = g_new0 (ObeyaCli, 1);

  cli->capture = capture;
  cli->out = g_string_new (NULL);
  cli->err = g_string_new (NULL);
  return cli;
}

void
obeya_cli_free (ObeyaCli *cli)
{
  if (cli == NULL)
    return;
  g_string_free (cli->out, TRUE);
  g_string_free (cli->err, TRUE);
  g_free (cli);
}

const char *
obeya_cli_get_output (ObeyaCli *cli,
                      gsize    *length)
{
  g_return_val_if_fail (cli != NULL, NULL);

  if (length != NULL)
    *length = cli->out->len;
  return cli->out->str;
}

const char *
obeya_cli_get_errors (ObeyaCli *cli)
{
  g_return_val_if_fail (cli != NULL, NULL);
  return cli->err->str;
}

G_GNUC_PRINTF (3, 0)
static void
emit (ObeyaCli   *cli,
      gboolean    error,
      const char *format,
      va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

  if (cli->capture)
    g_string_append (error ? cli->err : cli->out, text);
  else if (error)
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

void
obeya_cli_print (ObeyaCli   *cli,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  emit (cli, FALSE, format, args);
  va_end (args);
}

void
obeya_cli_printerr (ObeyaCli   *cli,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  emit (cli, TRUE, format, args);
  va_end (args);
}

void
obeya_cli_write (ObeyaCli   *cli,
                 const char *data,
                 gsize       length)
{
  if (cli->capture)
    g_string_append_len (cli->out, data, length);
  else
    fwrite (data, 1, length, stdout);
}

/* ---- dispatch --------------------------------------------------------------- */

int
obeya_cli_run (ObeyaCli  *cli,
               int        argc,
               char     **argv)
{
  const ObeyaCliCommand *command;

  g_return_val_if_fail (cli != NULL, OBEYA_CLI_EXIT_USAGE);

  command = argc > 1 ? lookup_command (argv[1]) : NULL;
  if (command == NULL)
    {
      g_autofree char *summary = obeya_cli_get_summary ();

      if (argc > 1)
        obeya_cli_printerr (cli, _("Unknown command “%s”.\n\n"), argv[1]);
      obeya_cli_printerr (cli, "%s", summary);
      return OBEYA_CLI_EXIT_USAGE;
    }
  return command->run (cli, argc - 1, argv + 1);
}

int
obeya_cli_main (int    argc,
                char **argv)
{
  g_autoptr(ObeyaCli) cli = obeya_cli_new (FALSE);
  int status;

  /* GOptionContext's usage line names the program; the subcommands get an
   * argv that starts with their own name. */
  if (g_get_prgname () == NULL && argc > 0)
    {
      g_autofree char *name = g_path_get_basename (argv[0]);
      g_set_prgname (name);
    }

  status = obeya_cli_run (cli, argc, argv);
  if (fflush (stdout) != 0 && status == OBEYA_CLI_EXIT_OK)
    {
      obeya_cli_printerr (cli, _("Could not write the output: %s\n"), g_strerror (errno));
      status = OBEYA_CLI_EXIT_FAILURE;
    }
  return status;
}

gboolean
obeya_cli_parse (ObeyaCli                *cli,
                 const ObeyaCliCommand   *command,
                 const GOptionEntry      *entries,
                 int                      n_args,
                 int                     *argc,
                 char                  ***argv,
                 int                     *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *help_text = NULL;
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show these options"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (command == NULL)
    command = lookup_command ((*argv)[0]);
  if (command == NULL)
    {
      *exit_status = OBEYA_CLI_EXIT_USAGE;
      g_return_val_if_reached (FALSE);
    }

  parameters = g_strdup_printf ("%s %s", command->name, command->arguments);
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  /* GOption's own --help would exit(); this one returns. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      help_text = g_option_context_get_help (context, TRUE, NULL);
      obeya_cli_printerr (cli, "%s\n\n%s", error->message, help_text);
      *exit_status = OBEYA_CLI_EXIT_USAGE;
      return FALSE;
    }
  if (help)
    {
      help_text = g_option_context_get_help (context, TRUE, NULL);
      obeya_cli_print (cli, "%s", help_text);
      *exit_status = OBEYA_CLI_EXIT_OK;
      return FALSE;
    }
  if (n_args >= 0 && *argc - 1 != n_args)
    {
      help_text = g_option_context_get_help (context, TRUE, NULL);
      if (*argc - 1 < n_args)
        obeya_cli_printerr (cli, _("Missing arguments.\n\n%s"), help_text);
      else
        obeya_cli_printerr (cli, _("Too many arguments.\n\n%s"), help_text);
      *exit_status = OBEYA_CLI_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

/* ---- files ------------------------------------------------------------------ */

/* The "version" of a file that did not load, when it says one. */
static gint64
peek_version (GBytes *bytes)
{
  g_autoptr(JsonNode) root = obeya_json_parse (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL);
  JsonObject *object;
  JsonNode *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  return version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
         json_node_get_value_type (version) == G_TYPE_INT64 ? json_node_get_int (version) : 0;
}

ObeyaWorkspace *
obeya_cli_load_workspace (ObeyaCli    *cli,
                          const char  *path,
                          char       **etag)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *read_etag = NULL;
  ObeyaWorkspace *workspace;

  /* The etag describes exactly the bytes read: if the file changes after
   * this, a later save refuses rather than overwrites. */
  if (!obeya_file_load (path, &bytes, &read_etag, &error))
    {
      /* The message names the file. */
      obeya_cli_printerr (cli, "%s\n", error->message);
      return NULL;
    }

  workspace = obeya_workspace_load (bytes, &error);
  if (workspace == NULL)
    {
      gint64 version = peek_version (bytes);

      obeya_cli_printerr (cli, "%s: %s\n", path, error->message);
      if (version > OBEYA_WORKSPACE_VERSION)
        obeya_cli_printerr (cli, _("%s: the file comes from a newer version of Obeya (file "
                                   "version %" G_GINT64_FORMAT "; this one knows up to %d), "
                                   "which may explain this; a newer Obeya opens it.\n"),
                            path, version, OBEYA_WORKSPACE_VERSION);
      return NULL;
    }
  if (etag != NULL)
    *etag = g_steal_pointer (&read_etag);
  return workspace;
}

ObeyaWorkspace *
obeya_cli_load_workspace_for_writing (ObeyaCli    *cli,
                                      const char  *path,
                                      char       **etag)
{
  g_autoptr(ObeyaWorkspace) workspace = obeya_cli_load_workspace (cli, path, etag);

  if (workspace == NULL || !obeya_cli_check_writable (cli, workspace, path))
    {
      if (etag != NULL)
        g_clear_pointer (etag, g_free);
      return NULL;
    }
  return g_steal_pointer (&workspace);
}

gboolean
obeya_cli_write_file (ObeyaCli   *cli,
                      const char *path,
                      GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  /* Exports: no etag check, no backups (they are made again at will). */
  if (!obeya_file_save (path, bytes, NULL, 0, NULL, &error))
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
obeya_cli_check_writable (ObeyaCli       *cli,
                          ObeyaWorkspace *workspace,
                          const char     *path)
{
  if (!obeya_workspace_get_read_only (workspace))
    return TRUE;
  obeya_cli_printerr (cli, _("%s: written by a newer version of Obeya (file version %u); "
                             "this version opens it read-only and never writes it\n"),
                      path, obeya_workspace_get_file_version (workspace));
  return FALSE;
}

gboolean
obeya_cli_save_workspace (ObeyaCli       *cli,
                          ObeyaWorkspace *workspace,
                          const char     *path,
                          const char     *etag)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!obeya_cli_check_writable (cli, workspace, path))
    return FALSE;

  bytes = obeya_workspace_save (workspace, &error);
  if (bytes == NULL)
    {
      obeya_cli_printerr (cli, "%s: %s\n", path, error->message);
      return FALSE;
    }

  /* Like the application's autosave: the etag of the load, and rotating
   * backups beside the file. */
  if (!obeya_file_save (path, bytes, etag, OBEYA_DOCUMENT_N_BACKUPS, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        obeya_cli_printerr (cli, _("%s: the file changed since it was read (is it open in "
                                   "Obeya?); nothing was written\n"), path);
      else
        obeya_cli_printerr (cli, "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_boards (ObeyaCli       *cli,
              ObeyaWorkspace *workspace)
{
  GListModel *boards = obeya_workspace_get_boards (workspace);
  guint n = g_list_model_get_n_items (boards);

  if (n == 0)
    obeya_cli_printerr (cli, _("The workspace has no boards.\n"));
  else
    obeya_cli_printerr (cli, _("Its boards:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);

      obeya_cli_printerr (cli, "  “%s” (id %s)%s\n", obeya_board_get_name (board),
                          obeya_entity_get_id (OBEYA_ENTITY (board)),
                          obeya_board_get_archived (board) ? _(", archived") : "");
    }
}

gpointer
obeya_cli_find_by_name (GListModel *model,
                        const char *name,
                        guint      *matches)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  guint n = g_list_model_get_n_items (model);
  gpointer found = NULL;

  *matches = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;
      g_autofree char *folded = NULL;

      g_object_get (item, "name", &item_name, NULL);
      folded = g_utf8_casefold (item_name ? item_name : "", -1);

      if (strcmp (folded, wanted) == 0)
        {
          found = item;
          (*matches)++;
        }
    }
  return found;
}

ObeyaBoard *
obeya_cli_find_board (ObeyaCli       *cli,
                      ObeyaWorkspace *workspace,
                      const char     *name_or_id)
{
  ObeyaBoard *found = obeya_workspace_find_board (workspace, name_or_id);
  guint matches;

  if (found != NULL)
    return found;

  found = obeya_cli_find_by_name (obeya_workspace_get_boards (workspace), name_or_id, &matches);
  if (matches == 1)
    return found;

  if (matches == 0)
    obeya_cli_printerr (cli, _("There is no board “%s”. "), name_or_id);
  else
    obeya_cli_printerr (cli, _("%u boards are named “%s”: give the id of one. "), matches,
                        name_or_id);
  print_boards (cli, workspace);
  return NULL;
}

void
obeya_cli_print_metrics (ObeyaCli       *cli,
                         ObeyaWorkspace *workspace)
{
  GListModel *metrics = obeya_metrics_get_metrics (obeya_workspace_get_metrics (workspace));
  guint n = g_list_model_get_n_items (metrics);

  if (n == 0)
    obeya_cli_printerr (cli, _("The workspace has no metrics.\n"));
  else
    obeya_cli_printerr (cli, _("Its metrics:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (metrics, i);

      obeya_cli_printerr (cli, "  “%s” (id %s)\n", obeya_metric_get_name (metric),
                          obeya_entity_get_id (OBEYA_ENTITY (metric)));
    }
}

ObeyaMetric *
obeya_cli_find_metric (ObeyaCli       *cli,
                       ObeyaWorkspace *workspace,
                       const char     *name_or_id)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (workspace);
  ObeyaMetric *found = obeya_metrics_find_metric (metrics, name_or_id);
  guint matches;

  if (found != NULL)
    return found;

  found = obeya_cli_find_by_name (obeya_metrics_get_metrics (metrics), name_or_id, &matches);
  if (matches == 1)
    return found;

  if (matches == 0)
    obeya_cli_printerr (cli, _("There is no metric “%s”. "), name_or_id);
  else
    obeya_cli_printerr (cli, _("%u metrics are named “%s”: give the id of one. "), matches,
                        name_or_id);
  obeya_cli_print_metrics (cli, workspace);
  return NULL;
}

static gboolean
parse_day (ObeyaCli    *cli,
           const char  *option,
           const char  *text,
           ObeyaDay    *day)
{
  *day = OBEYA_DAY_NONE;
  if (text == NULL || obeya_day_parse (text, day))
    return TRUE;
  /* Translators: "--from: “2026-13-01” is not a date (YYYY-MM-DD)" */
  obeya_cli_printerr (cli, _("%s: “%s” is not a date (YYYY-MM-DD)\n"), option, text);
  return FALSE;
}

gboolean
obeya_cli_parse_range (ObeyaCli   *cli,
                       const char *from_text,
                       const char *to_text,
                       ObeyaDay   *from,
                       ObeyaDay   *to)
{
  if (!parse_day (cli, "--from", from_text, from) || !parse_day (cli, "--to", to_text, to))
    return FALSE;
  if (*from != OBEYA_DAY_NONE && *to != OBEYA_DAY_NONE && *from > *to)
    {
      obeya_cli_printerr (cli, _("--from %s is after --to %s.\n"), from_text, to_text);
      return FALSE;
    }
  return TRUE;
}

/* ---- validate --------------------------------------------------------------- */

static int
run_validate (ObeyaCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autofree char *summary = NULL;
  int status;

  if (!obeya_cli_parse (cli, NULL, NULL, 1, &argc, &argv, &status))
    return status;

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  summary = obeya_workspace_dup_summary (workspace);
  obeya_cli_print (cli, _("OK: %s\n"), summary);
  if (obeya_workspace_get_read_only (workspace))
    obeya_cli_print (cli, _("Note: written by a newer version of Obeya (file version %u; this "
                            "one knows up to %d). This version opens it read-only, and did not "
                            "check what it does not know.\n"),
                     obeya_workspace_get_file_version (workspace), OBEYA_WORKSPACE_VERSION);
  return OBEYA_CLI_EXIT_OK;
}

/* ---- export-csv ------------------------------------------------------------- */

static int
run_export_csv (ObeyaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *board_name = NULL;
  g_autofree char *output = NULL;
  gboolean moves = FALSE;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "board", 'b', 0, G_OPTION_ARG_STRING, &board_name,
      N_("The board to export, by name or id"), N_("NAME|ID") },
    { "moves", 'm', 0, G_OPTION_ARG_NONE, &moves,
      N_("One row per move of a card, instead of one row per card"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start with a byte order mark, which Excel needs to read UTF-8"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(GBytes) csv = NULL;
  ObeyaCsvWriteFlags flags;
  ObeyaBoard *board;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 1, &argc, &argv, &status))
    return status;

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  if (board_name == NULL)
    {
      obeya_cli_printerr (cli, _("Which board? Give --board NAME or --board ID. "));
      print_boards (cli, workspace);
      return OBEYA_CLI_EXIT_USAGE;
    }
  board = obeya_cli_find_board (cli, workspace, board_name);
  if (board == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  flags = bom ? OBEYA_CSV_WRITE_BOM : OBEYA_CSV_WRITE_DEFAULT;
  csv = moves ? obeya_csv_export_moves (board, flags)
              : obeya_csv_export_cards (board, obeya_timestamp_now (), flags);

  if (output != NULL && strcmp (output, "-") != 0)
    return obeya_cli_write_file (cli, output, csv) ? OBEYA_CLI_EXIT_OK : OBEYA_CLI_EXIT_FAILURE;

  obeya_cli_write (cli, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  return OBEYA_CLI_EXIT_OK;
}

/* ---- import-trello ---------------------------------------------------------- */

static int
run_import_trello (ObeyaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(GBytes) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *columns = NULL, *cards = NULL, *people = NULL, *tags = NULL;
  const char *trello_path, *workspace_path;
  guint n_people, n_tags, n_archived, n_columns, n_cards;
  ObeyaBoard *board;
  gsize length;
  int status;

  if (!obeya_cli_parse (cli, NULL, NULL, 2, &argc, &argv, &status))
    return status;
  trello_path = argv[1];
  workspace_path = argv[2];

  workspace = obeya_cli_load_workspace_for_writing (cli, workspace_path, &etag);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  if (!g_file_get_contents (trello_path, &contents, &length, &error))
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }
  export = g_bytes_new_take (g_steal_pointer (&contents), length);

  n_people = g_list_model_get_n_items (obeya_workspace_get_people (workspace));
  n_tags = g_list_model_get_n_items (obeya_workspace_get_tags (workspace));
  board = obeya_trello_import (workspace, export, &error);
  if (board == NULL)
    {
      obeya_cli_printerr (cli, "%s: %s\n", trello_path, error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }

  if (!obeya_cli_save_workspace (cli, workspace, workspace_path, etag))
    return OBEYA_CLI_EXIT_FAILURE;

  n_people = g_list_model_get_n_items (obeya_workspace_get_people (workspace)) - n_people;
  n_tags = g_list_model_get_n_items (obeya_workspace_get_tags (workspace)) - n_tags;
  n_archived = g_list_model_get_n_items (obeya_board_get_archived_cards (board));
  n_columns = g_list_model_get_n_items (obeya_board_get_columns (board));
  n_cards = obeya_board_get_cards (board)->len;
  columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n_columns),
                             n_columns);
  cards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card (%u archived)",
                                        "%u cards (%u archived)", n_cards),
                           n_cards, n_archived);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people",
                                         n_people), n_people);
  tags = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new tag", "%u new tags", n_tags),
                          n_tags);
  /* Translators: "Imported “Board” into team.obeya: 4 columns, 8 cards (2 archived), 1 new
   * person, 5 new tags" */
  obeya_cli_print (cli, _("Imported “%s” into %s: %s, %s, %s, %s\n"),
                   obeya_board_get_name (board), workspace_path, columns, cards, people, tags);
  return OBEYA_CLI_EXIT_OK;
}

/* ---- help ------------------------------------------------------------------- */

static int
run_help (ObeyaCli  *cli,
          int        argc,
          char     **argv)
{
  g_autofree char *summary = NULL;
  int status;

  if (!obeya_cli_parse (cli, NULL, NULL, -1, &argc, &argv, &status))
    return status;

  if (argc >= 2)
    {
      const ObeyaCliCommand *command = lookup_command (argv[1]);
      char *help_argv[] = { (char *) (command ? command->name : ""), (char *) "--help", NULL };

      if (command != NULL)
        return command->run (cli, 2, help_argv);
      obeya_cli_printerr (cli, _("Unknown command “%s”.\n\n"), argv[1]);
      summary = obeya_cli_get_summary ();
      obeya_cli_printerr (cli, "%s", summary);
      return OBEYA_CLI_EXIT_USAGE;
    }

  summary = obeya_cli_get_summary ();
  obeya_cli_print (cli, "%s", summary);
  return OBEYA_CLI_EXIT_OK;
}
