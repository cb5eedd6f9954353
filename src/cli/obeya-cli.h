/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-cli: the command line, without a display (core and charts, never GTK).
 *
 *   obeya validate FILE
 *   obeya export-csv --board NAME|ID [--moves] [--bom] [--output FILE] WORKSPACE
 *   obeya import-trello TRELLO.json WORKSPACE
 *   obeya import-entries [--dry-run] ENTRIES.csv WORKSPACE
 *   obeya export-entries [--metric NAME|ID] [--from DATE] [--to DATE] [--output FILE] WORKSPACE
 *   obeya chart --metric NAME|ID [--type run|pareto|calendar] [--from DATE] [--to DATE]
 *               [--month YYYY-MM] [--format png|svg|pdf] [--size WxH] [--dark]
 *               --output FILE WORKSPACE
 *   obeya audits [--format text|csv] [--bom] [--output FILE] WORKSPACE
 *   obeya audit-report (--audit ID | --area NAME|ID --latest) [--paper a4|letter]
 *                      --output FILE.pdf WORKSPACE
 *   obeya help [COMMAND]
 *
 * main() asks obeya_cli_is_command (argv[1]) before it creates the
 * application; when it is one, obeya_cli_main() runs it and main() returns
 * its exit status: 0 success, 1 failure (the message says why), 2 a usage
 * error.
 *
 * Adding a subcommand: write its run function (argv[0] is the subcommand's
 * name) in a file of its own under src/cli (declared in obeya-cli-private.h),
 * using the helpers below for options, output, loading and saving, and add
 * one line to the commands[] table at the top of obeya-cli.c. Help and
 * dispatch follow from the table.
 */
#pragma once

#include <gio/gio.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

typedef struct _ObeyaCli ObeyaCli;

typedef int (*ObeyaCliRunFunc) (ObeyaCli  *cli,
                                int        argc,
                                char     **argv);

typedef struct
{
  const char      *name;      /* "validate" */
  const char      *arguments; /* for the usage line: "FILE" (not translated) */
  const char      *summary;   /* marked with N_(), translated when shown */
  ObeyaCliRunFunc  run;
} ObeyaCliCommand;

#define OBEYA_CLI_EXIT_OK      0
#define OBEYA_CLI_EXIT_FAILURE 1
#define OBEYA_CLI_EXIT_USAGE   2

/* ---- for main() ------------------------------------------------------------- */

gboolean  obeya_cli_is_command   (const char *name);
/* The list of subcommands with their arguments and summaries, for
 * `obeya --help` (translated, ends with a newline). */
char     *obeya_cli_get_summary  (void);
/* Runs the subcommand argv[1] with standard output and error. */
int       obeya_cli_main         (int         argc,
                                  char      **argv);

/* ---- running in process (tests) --------------------------------------------- */

/* @capture: keep what would be printed (obeya_cli_get_output(),
 * obeya_cli_get_errors()) instead of writing to stdout and stderr. */
ObeyaCli   *obeya_cli_new          (gboolean    capture);
void        obeya_cli_free         (ObeyaCli   *cli);
/* argv[0] is the program, argv[1] the subcommand. */
int         obeya_cli_run          (ObeyaCli   *cli,
                                    int         argc,
                                    char      **argv);
const char *obeya_cli_get_output   (ObeyaCli   *cli,
                                    gsize      *length);
const char *obeya_cli_get_errors   (ObeyaCli   *cli);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaCli, obeya_cli_free)

/* ---- for subcommands --------------------------------------------------------- */

void        obeya_cli_print        (ObeyaCli   *cli,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (2, 3);
void        obeya_cli_printerr     (ObeyaCli   *cli,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* Bytes as they are to the standard output (CSV, images). */
void        obeya_cli_write        (ObeyaCli   *cli,
                                    const char *data,
                                    gsize       length);

/* Parses the options of @command (NULL: the command named by argv[0]) plus
 * --help from @argc/@argv, leaving the other arguments in @argv (argv[0]
 * stays the command). Returns FALSE when
 * the command must stop with *exit_status: 0 after --help (printed), 2 after
 * a usage error (printed with the usage). @n_args: the exact number of
 * arguments that must remain, or -1 for any. */
gboolean    obeya_cli_parse        (ObeyaCli               *cli,
                                    const ObeyaCliCommand  *command,
                                    const GOptionEntry     *entries,
                                    int                     n_args,
                                    int                    *argc,
                                    char                 ***argv,
                                    int                    *exit_status);

/* Loads the workspace file @path with obeya_file_load(); on failure prints
 * why (the file name, then line and column or the member path, and whether
 * the file comes from a newer Obeya) and returns NULL. @etag (optional)
 * receives the etag of exactly the bytes read, for
 * obeya_cli_save_workspace(). */
ObeyaWorkspace *obeya_cli_load_workspace (ObeyaCli       *cli,
                                          const char     *path,
                                          char          **etag);
/* obeya_cli_load_workspace() for a command that will save the workspace:
 * NULL too (after saying why) when the file comes from a newer Obeya,
 * which is never written. */
ObeyaWorkspace *obeya_cli_load_workspace_for_writing (ObeyaCli    *cli,
                                                      const char  *path,
                                                      char       **etag);
/* FALSE (and prints why) when @workspace came from a newer Obeya: such a
 * file opens read-only and is never written. */
gboolean    obeya_cli_check_writable (ObeyaCli       *cli,
                                      ObeyaWorkspace *workspace,
                                      const char     *path);
/* Saves @workspace over @path with obeya_file_save(), as the application's
 * autosave does: atomically (a complete temporary file renamed over it,
 * following a symbolic link, keeping the file's permissions), keeping
 * OBEYA_DOCUMENT_N_BACKUPS rotating backups beside it, and refusing when the
 * file changed since @etag was read (NULL: no check) or the workspace is
 * read-only. Prints why on failure. */
gboolean    obeya_cli_save_workspace (ObeyaCli       *cli,
                                      ObeyaWorkspace *workspace,
                                      const char     *path,
                                      const char     *etag);
/* Writes @bytes to @path atomically (obeya_file_save(), no etag check, no
 * backups: for exports); prints why on failure. */
gboolean    obeya_cli_write_file     (ObeyaCli       *cli,
                                      const char     *path,
                                      GBytes         *bytes);
/* The item of @model (borrowed: the workspace keeps it) whose "name"
 * property is @name, ignoring case; *@matches: how many are. */
gpointer    obeya_cli_find_by_name   (GListModel     *model,
                                      const char     *name,
                                      guint          *matches);
/* The board whose id is @name_or_id, else the one with that name (ignoring
 * case); prints the boards there are and returns NULL when there is none,
 * or more than one with that name. */
ObeyaBoard *obeya_cli_find_board     (ObeyaCli       *cli,
                                      ObeyaWorkspace *workspace,
                                      const char     *name_or_id);

/* The metric whose id is @name_or_id, else the one with that name (ignoring
 * case); prints the metrics there are and returns NULL when there is none,
 * or more than one with that name. */
ObeyaMetric *obeya_cli_find_metric   (ObeyaCli       *cli,
                                      ObeyaWorkspace *workspace,
                                      const char     *name_or_id);
/* Prints (to the errors) the metrics there are, with their ids. */
void        obeya_cli_print_metrics  (ObeyaCli       *cli,
                                      ObeyaWorkspace *workspace);
/* Reads the dates "YYYY-MM-DD" of --from and --to into *@from and *@to
 * (NULL text: OBEYA_DAY_NONE). Returns FALSE after printing why when one is
 * not a date or --from is after --to (a usage error). */
gboolean    obeya_cli_parse_range    (ObeyaCli       *cli,
                                      const char     *from_text,
                                      const char     *to_text,
                                      ObeyaDay       *from,
                                      ObeyaDay       *to);

G_END_DECLS
