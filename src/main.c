/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "obeya-application.h"
#include "obeya-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ObeyaApplication) app = NULL;

  /* Writing past a file-size limit (RLIMIT_FSIZE) then fails with EFBIG and
   * the save reports it, instead of SIGXFSZ killing the process with the
   * work unsaved (obeya-file.h). */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `obeya validate FILE` and the other subcommands: no display needed. */
  if (argc > 1 && obeya_cli_is_command (argv[1]))
    return obeya_cli_main (argc, argv);

  app = obeya_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
