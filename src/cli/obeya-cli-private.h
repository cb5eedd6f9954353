/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands that live in files of their own, for the commands[]
 * table of obeya-cli.c. argv[0] is the subcommand's name.
 */
#pragma once

#include "obeya-cli.h"

G_BEGIN_DECLS

/* obeya-cli-entries.c */
int _obeya_cli_run_import_entries (ObeyaCli  *cli,
                                   int        argc,
                                   char     **argv);
int _obeya_cli_run_export_entries (ObeyaCli  *cli,
                                   int        argc,
                                   char     **argv);

/* obeya-cli-chart.c */
int _obeya_cli_run_chart          (ObeyaCli  *cli,
                                   int        argc,
                                   char     **argv);

/* obeya-cli-audits.c */
int _obeya_cli_run_audits         (ObeyaCli  *cli,
                                   int        argc,
                                   char     **argv);
int _obeya_cli_run_audit_report   (ObeyaCli  *cli,
                                   int        argc,
                                   char     **argv);

G_END_DECLS
