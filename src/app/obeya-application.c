/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "obeya-application.h"
#include "obeya-bench-driver.h"
#include "obeya-cli.h"
#include "obeya-document.h"
#include "obeya-sample.h"
#include "obeya-standup.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

struct _ObeyaApplication
{
  AdwApplication parent_instance;

  /* `obeya --standup FILE`, `obeya --wall FILE [--rotate N]` */
  char          *standup_path;
  char          *wall_path;
  int            rotate_seconds;
};

G_DEFINE_FINAL_TYPE (ObeyaApplication, obeya_application, ADW_TYPE_APPLICATION)

/* The personal workspace every user has: $XDG_DATA_HOME/obeya/personal.obeya. */
char *
obeya_application_dup_personal_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "obeya", "personal.obeya", NULL);
}

static void
first_save_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!obeya_document_save_finish (OBEYA_DOCUMENT (source), result, &error))
    g_warning ("Could not create the personal workspace: %s", error->message);
}

/* A new window; under tests/obeya-bench it also reports its timings. */
static ObeyaWindow *
new_window (GApplication *app)
{
  ObeyaWindow *window = obeya_window_new (OBEYA_APPLICATION (app));
  const char *bench = g_getenv ("OBEYA_BENCH");

  if (bench != NULL)
    obeya_bench_driver_attach (window, g_ascii_strtoll (bench, NULL, 10));
  return window;
}

static ObeyaWindow *
reusable_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* A window that shows nothing yet (still starting) is reused. */
  if (window != NULL && OBEYA_IS_WINDOW (window) &&
      obeya_window_get_document (OBEYA_WINDOW (window)) == NULL)
    return OBEYA_WINDOW (window);
  return new_window (app);
}

/* ---- stand-up and wall display ---------------------------------------------------- */

static void
standup_load_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  ObeyaDocument *document = OBEYA_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  ObeyaWindow *window = new_window (app);
  ObeyaWorkspace *workspace;

  gtk_window_present (GTK_WINDOW (window));
  if (!obeya_document_load_finish (document, result, &error))
    {
      /* The main window says why and offers the newest backup. */
      obeya_window_open_path (window, obeya_document_get_path (document), FALSE);
    }
  else
    {
      obeya_window_set_document (window, document);
      workspace = obeya_document_get_workspace (document);
      if (!obeya_workspace_get_read_only (workspace))
        obeya_workspace_run_recurrences (workspace, obeya_day_today ());
      gtk_widget_activate_action (GTK_WIDGET (window), "win.standup", NULL);
    }
  g_application_release (app);
  g_object_unref (document);
}

/* The stand-up over the workspace at @path: the window that has it open
 * starts it, else the workspace opens in a new main window behind it. */
static void
open_standup (GApplication *app,
              const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ObeyaDocument *document;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      ObeyaDocument *open = OBEYA_IS_WINDOW (l->data) ? obeya_window_get_document (l->data) : NULL;
      const char *open_path = open ? obeya_document_get_path (open) : NULL;
      g_autoptr(GFile) open_file = open_path ? g_file_new_for_path (open_path) : NULL;

      if (open_file != NULL && g_file_equal (open_file, file) &&
          obeya_document_get_workspace (open) != NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (l->data), "win.standup", NULL);
          return;
        }
    }

  /* No window until the file is read: hold the application meanwhile. */
  g_application_hold (app);
  document = obeya_document_new_for_path (path, FALSE);
  obeya_document_load_async (document, NULL, standup_load_ready_cb, g_object_ref (app));
}

/* The wall display: only the stand-up window, read-only, rotating. */
static void
open_wall (ObeyaApplication *self,
           const char       *path)
{
  g_autoptr(ObeyaDocument) document = obeya_document_new_for_path (path, TRUE);
  ObeyaStandup *standup = obeya_standup_new (GTK_APPLICATION (self), document,
                                             OBEYA_STANDUP_MODE_WALL);

  if (self->rotate_seconds > 0)
    obeya_standup_set_rotate_seconds (standup, (guint) self->rotate_seconds);
  gtk_window_present (GTK_WINDOW (standup));
}

static void
standup_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  open_standup (G_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

/* ---- activation --------------------------------------------------------------------- */

static void
obeya_application_activate (GApplication *app)
{
  ObeyaApplication *self = OBEYA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (self->wall_path != NULL)
    {
      g_autofree char *wall = g_steal_pointer (&self->wall_path);

      open_wall (self, wall);
      return;
    }
  if (self->standup_path != NULL)
    {
      g_autofree char *standup = g_steal_pointer (&self->standup_path);

      open_standup (app, standup);
      return;
    }

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (new_window (app));
  gtk_window_present (window);

  path = obeya_application_dup_personal_path ();
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    obeya_window_open_path (OBEYA_WINDOW (window), path, FALSE);
  else
    {
      /* First start: the personal workspace with a small sample, written now. */
      g_autoptr(ObeyaWorkspace) workspace = obeya_sample_create_workspace (obeya_day_today ());
      g_autoptr(ObeyaDocument) document = NULL;
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0700);
      document = obeya_document_new_for_workspace (workspace, path);
      obeya_window_set_document (OBEYA_WINDOW (window), document);
      obeya_document_save_async (document, NULL, first_save_ready_cb, NULL);
    }
}

static void
obeya_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      ObeyaWindow *window;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_warning ("Only local or mounted files can be opened: %s", uri);
          continue;
        }
      window = reusable_window (app);
      gtk_window_present (GTK_WINDOW (window));
      obeya_window_open_path (window, path, FALSE);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Obeya developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Obeya"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Lean visual management for back-office teams: kanban "
                                       "boards, daily huddle metrics and 5S audits"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
new_workspace_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           GtkApplication  *app)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_autoptr(ObeyaWorkspace) workspace = obeya_workspace_new ();
          g_autoptr(ObeyaDocument) document = NULL;
          g_autofree char *basename = g_file_get_basename (file);
          ObeyaWindow *window;
          char *dot;

          if (!g_str_has_suffix (path, ".obeya") && !g_str_has_suffix (path, ".json"))
            {
              char *with_suffix = g_strconcat (path, ".obeya", NULL);
              g_free (path);
              path = with_suffix;
            }
          dot = strrchr (basename, '.');
          if (dot != NULL && dot != basename)
            *dot = '\0';
          obeya_workspace_set_name (workspace, basename);
          document = obeya_document_new_for_workspace (workspace, path);
          window = obeya_window_new (OBEYA_APPLICATION (app));
          obeya_window_set_document (window, document);
          gtk_window_present (GTK_WINDOW (window));
          obeya_document_save_async (document, NULL, first_save_ready_cb, NULL);
        }
    }
  g_object_unref (dialog);
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkFileChooserNative *dialog;

  /* A workspace is a file: choose where it lives first, so that every
   * change is saved from the start. */
  dialog = gtk_file_chooser_native_new (_("New Workspace"), gtk_application_get_active_window (app),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Team workspace.obeya"));
  g_signal_connect (dialog, "response", G_CALLBACK (new_workspace_response_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window saves what is pending before it goes (close-request). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
obeya_application_startup (GApplication *app)
{
  const GActionEntry entries[] = {
    { "about", about_action },
    { "new-workspace", new_workspace_action },
    { "quit", quit_action },
    { "standup", standup_action, "s" },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *scheme = g_getenv ("OBEYA_COLOR_SCHEME");

  G_APPLICATION_CLASS (obeya_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  /* For screenshots and tests: force a light or dark style. */
  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static char *
dup_absolute_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_get_path (file);
}

/* Options handled in the process that was started, before any window. */
static int
obeya_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  ObeyaApplication *self = OBEYA_APPLICATION (app);
  const char *path = NULL;
  int rotate = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Obeya"), PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "rotate", "i", &rotate))
    {
      if (rotate < 1)
        {
          g_printerr ("%s\n", _("--rotate needs a number of seconds (1 or more)"));
          return 2;
        }
      self->rotate_seconds = rotate;
    }

  if (g_variant_dict_lookup (options, "wall", "^&ay", &path))
    {
      /* A wall display is a process of its own (often the only one on a
       * kiosk machine); it never opens the main window. */
      self->wall_path = dup_absolute_path (path);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      return -1;
    }

  if (g_variant_dict_lookup (options, "standup", "^&ay", &path))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *absolute = dup_absolute_path (path);

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Obeya is already running: it starts the stand-up. */
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "standup",
                                          g_variant_new_string (absolute));
          return 0;
        }
      self->standup_path = g_steal_pointer (&absolute);
    }
  return -1;
}

static void
obeya_application_finalize (GObject *object)
{
  ObeyaApplication *self = OBEYA_APPLICATION (object);

  g_free (self->standup_path);
  g_free (self->wall_path);

  G_OBJECT_CLASS (obeya_application_parent_class)->finalize (object);
}

static void
obeya_application_class_init (ObeyaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = obeya_application_finalize;

  app_class->activate = obeya_application_activate;
  app_class->open = obeya_application_open;
  app_class->startup = obeya_application_startup;
  app_class->handle_local_options = obeya_application_handle_local_options;
}

static void
obeya_application_init (ObeyaApplication *self)
{
  /* Only options that work. */
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "standup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open FILE in stand-up mode: full screen, for the team at the TV"), N_("FILE") },
    { "wall", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Show FILE as an unattended wall display: read-only, rotating its pages, "
         "reloading when the file changes"), N_("FILE") },
    { "rotate", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Seconds each page of the wall display stays on screen (default: 30)"), N_("SECONDS") },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *commands = obeya_cli_get_summary ();
  g_autofree char *description = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the workspace files given, or your personal "
                                              "workspace.\nThe commands below need no display."));
  /* `obeya --help` lists the subcommands too (main() runs them before GTK starts). */
  description = g_strdup_printf ("%s\n%s", commands,
                                 _("“obeya help COMMAND” shows the options of a command."));
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

ObeyaApplication *
obeya_application_new (void)
{
  return g_object_new (OBEYA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/obeya/Obeya",
                       NULL);
}
