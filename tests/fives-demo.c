/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fives-demo: the main window on the first-start sample, showing one screen
 * of the 5S audits UI, for looking at it (screenshots with
 * /work/shared/tools/shot). Not installed, not a test.
 *
 *   fives-demo SCREEN
 *
 * SCREEN is one of: overview, area, area-digital, walk, walk-scored,
 * walk-list, summary, results, raise, scan, templates, no-templates,
 * no-areas. OBEYA_COLOR_SCHEME=dark shows the dark style.
 *
 * FIVES_DEMO_SCAN_DIR=FOLDER fives-demo scan scans FOLDER instead and prints
 * how long it took and the longest time the main loop was held meanwhile
 * (the window must stay responsive while a 100,000-file tree is scanned).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-results.h"
#include "obeya-audit-template.h"
#include "obeya-audit-walk.h"
#include "obeya-audits.h"
#include "obeya-document.h"
#include "obeya-fives-view.h"
#include "obeya-raise-action-dialog.h"
#include "obeya-sample.h"
#include "obeya-scan-dialog.h"
#include "obeya-template-manager.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

static const char *screen;
static char *dir;

static ObeyaArea *
area_named (ObeyaWorkspace *workspace,
            const char     *name)
{
  GListModel *areas = obeya_audits_get_areas (obeya_workspace_get_audits (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);

      if (g_str_equal (obeya_area_get_name (area), name))
        return area;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The first widget below @root (depth first) for which @match is TRUE. */
static GtkWidget *
find_below (GtkWidget *root,
            gboolean (*match) (GtkWidget *widget))
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child))
        return child;
      found = find_below (child, match);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_fives_view (GtkWidget *widget)
{
  return OBEYA_IS_FIVES_VIEW (widget);
}

/* The sidebar's list of views (My Cards, 5S Audits). */
static gboolean
is_views_list (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar") &&
         gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 1) != NULL;
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, contents, -1, NULL);
}

static gint64 scan_started, last_beat, longest_gap;

/* While a measured scan runs: the longest time the main loop did not turn. */
static gboolean
heartbeat_cb (gpointer data)
{
  ObeyaScanDialog *dialog = data;
  gint64 now = g_get_monotonic_time ();

  gint64 gap = now - last_beat;

  last_beat = now;
  if (obeya_scan_dialog_is_running (dialog))
    {
      if (g_getenv ("FIVES_DEMO_VERBOSE") != NULL && gap > 20000)
        g_print ("  %.0f ms after the start: %.1f ms\n", (now - scan_started) / 1e3, gap / 1e3);
      longest_gap = MAX (longest_gap, gap);
      return G_SOURCE_CONTINUE;
    }
  /* The last gap holds the showing of the results. */
  g_print ("scan: %" G_GUINT64_FORMAT " files in %.2f s; main loop held at most %.1f ms while "
           "scanning, %.1f ms to show the results\n",
           obeya_scan_dialog_get_result (dialog) ? obeya_scan_dialog_get_result (dialog)->n_files : 0,
           (now - scan_started) / 1e6, longest_gap / 1e3, gap / 1e3);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
show_cb (gpointer data)
{
  ObeyaWindow *window = data;
  ObeyaWorkspace *workspace = obeya_window_get_workspace (window);
  ObeyaAudits *audits = obeya_workspace_get_audits (workspace);
  GtkWidget *view;
  ObeyaAuditWalk *walk;
  ObeyaAudit *audit;

  view = find_below (GTK_WIDGET (window), is_fives_view);
  g_return_if_fail (view != NULL);

  if (g_str_equal (screen, "area"))
    obeya_fives_view_show_area (OBEYA_FIVES_VIEW (view), area_named (workspace, "AP team desks"));
  else if (g_str_equal (screen, "area-digital"))
    obeya_fives_view_show_area (OBEYA_FIVES_VIEW (view),
                                area_named (workspace, "Finance shared drive"));
  else if (g_str_has_prefix (screen, "walk") || g_str_equal (screen, "summary") ||
           g_str_equal (screen, "raise"))
    {
      gtk_widget_activate_action (view, "fives.start-audit", "s",
                                  obeya_entity_get_id (OBEYA_ENTITY (area_named (workspace,
                                                                                 "AP team desks"))));
      walk = OBEYA_AUDIT_WALK (find_toplevel (OBEYA_TYPE_AUDIT_WALK));
      audit = obeya_audit_walk_get_audit (walk);
      if (!g_str_equal (screen, "walk"))
        {
          g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);
          g_autofree char *photos_dir = g_build_filename (dir, "photos", NULL);
          g_autofree char *photo = g_build_filename (photos_dir, "desk.png", NULL);
          g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 160, 120);
          const char *paths[] = { "photos/desk.png", "photos/drawer.jpg", NULL };
          static const int scores[] = { 3, 1, OBEYA_SCORE_NA, 2, 4, 3, 2 };

          g_mkdir_with_parents (photos_dir, 0755);
          gdk_pixbuf_fill (pixbuf, 0x8fb3d9ff);
          gdk_pixbuf_save (pixbuf, photo, "png", NULL, NULL);
          for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
            gtk_widget_activate_action (GTK_WIDGET (walk), "walk.score", "i", scores[i]);
          obeya_audit_set_note (audit, obeya_entity_get_id (items->pdata[1]),
                                "Two drawers hold manuals for printers we no longer have.");
          obeya_audit_set_photos (audit, obeya_entity_get_id (items->pdata[1]), paths);
          gtk_widget_activate_action (GTK_WIDGET (walk), "walk.select-item", "s",
                                      obeya_entity_get_id (items->pdata[1]));
          if (g_str_equal (screen, "walk-list"))
            gtk_widget_activate_action (GTK_WIDGET (walk), "walk.mode", "s", "list");
          else if (g_str_equal (screen, "summary"))
            gtk_widget_activate_action (GTK_WIDGET (walk), "walk.summary", NULL);
          else if (g_str_equal (screen, "raise"))
            gtk_widget_activate_action (GTK_WIDGET (walk), "walk.raise-action", "s", "");
        }
    }
  else if (g_str_equal (screen, "results"))
    {
      audit = obeya_audits_get_latest (audits, area_named (workspace, "AP team desks"));
      gtk_window_present (GTK_WINDOW (obeya_audit_results_new (GTK_WINDOW (window), audit)));
    }
  else if (g_str_equal (screen, "scan") && g_getenv ("FIVES_DEMO_SCAN_DIR") != NULL)
    {
      /* Measure: the folder given, and how long the main loop was ever held. */
      ObeyaScanDialog *dialog;

      audit = obeya_audits_start_audit (audits, area_named (workspace, "Finance shared drive"),
                                        obeya_day_today (), NULL);
      dialog = obeya_scan_dialog_new (GTK_WINDOW (window), audit);
      obeya_scan_dialog_set_folder (dialog, g_getenv ("FIVES_DEMO_SCAN_DIR"));
      gtk_window_present (GTK_WINDOW (dialog));
      gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.start", NULL);
      scan_started = g_get_monotonic_time ();
      last_beat = scan_started;
      g_timeout_add (5, heartbeat_cb, dialog);
    }
  else if (g_str_equal (screen, "scan"))
    {
      g_autofree char *share = g_build_filename (dir, "Finance", NULL);
      g_autofree char *deep = g_build_filename (share, "AP", "Vendors", "2021", "Q3", NULL);
      ObeyaScanDialog *dialog;

      g_mkdir_with_parents (deep, 0755);
      write_file (share, "2026-11-02_close-checklist_v3.xlsx", "checklist");
      write_file (deep, "final_v2_FINAL.xlsx", "statement");
      write_file (deep, "Copy of statement.xlsx", "statement");
      audit = obeya_audits_start_audit (audits, area_named (workspace, "Finance shared drive"),
                                        obeya_day_today (), NULL);
      dialog = obeya_scan_dialog_new (GTK_WINDOW (window), audit);
      obeya_scan_dialog_set_folder (dialog, share);
      gtk_window_present (GTK_WINDOW (dialog));
      gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.start", NULL);
    }
  else if (g_str_equal (screen, "templates"))
    {
      ObeyaTemplateManager *manager = obeya_template_manager_new (GTK_WINDOW (window), workspace);
      ObeyaAuditTemplate *office = obeya_area_get_template (area_named (workspace, "AP team desks"));
      GListModel *items = obeya_audit_template_get_items (office);
      g_autoptr(ObeyaAuditItem) first = g_list_model_get_item (items, 0);

      obeya_audit_template_remove_item (office, first); /* retired: used by audits */
      obeya_template_manager_set_template (manager, office);
      gtk_window_present (GTK_WINDOW (manager));
    }
}

static void
activate_cb (GApplication *app)
{
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(ObeyaDocument) document = NULL;
  g_autofree char *path = NULL;
  const char *scheme = g_getenv ("OBEYA_COLOR_SCHEME");
  ObeyaWindow *window;
  GtkWidget *views;

  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  dir = g_dir_make_tmp ("fives-demo-XXXXXX", NULL);
  path = g_build_filename (dir, "Team.obeya", NULL);
  if (g_str_equal (screen, "no-templates") || g_str_equal (screen, "no-areas"))
    {
      workspace = obeya_workspace_new ();
      obeya_workspace_set_name (workspace, "Team");
      if (g_str_equal (screen, "no-areas"))
        obeya_audits_add_builtin_template (obeya_workspace_get_audits (workspace), "office", NULL);
    }
  else
    workspace = obeya_sample_create_workspace (obeya_day_today ());
  document = obeya_document_new_for_workspace (workspace, path);
  window = obeya_window_new (OBEYA_APPLICATION (NULL));
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  obeya_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));

  /* The "5S Audits" row is the second of the views list. */
  views = find_below (GTK_WIDGET (window), is_views_list);
  if (views != NULL)
    gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views), 1)));
  g_timeout_add_once (2500, show_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: fives-demo SCREEN\n");
      return 2;
    }
  screen = argv[1];
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "org.obeya.Obeya.FivesDemo",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/org/obeya/Obeya",
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
