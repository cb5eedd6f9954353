/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * huddle-demo: shows one piece of the daily huddle UI on the first-start
 * sample, for looking at it (and taking screenshots with
 * /work/shared/tools/shot). Not installed.
 *
 *   huddle-demo [--dark] [--size WxH] PIECE
 *
 * PIECE is one of:
 *   chart            a chart widget with its export button shown
 *   view             the main window on the Daily Huddle page
 *   empty            the same without metrics (the empty state)
 *   actions          the page with open actions, one overdue
 *   form             the entry form, with a miss typed
 *   day              the numbers of a past day
 *   metric, entries, reasons   a metric's window, on each page
 *   import           the import dialog with a file that has a bad row
 *   import-ok        the same with a good file
 *   import-choose    the import dialog before a file is chosen
 *   editor, editor-new, settings, action
 *
 * Dialogs open over the main window. "Now" is pinned to 2026-11-05 10:30
 * so every run shows the same data.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "obeya-action-dialog.h"
#include "obeya-chart-widget.h"
#include "obeya-charts.h"
#include "obeya-document.h"
#include "obeya-entry-form.h"
#include "obeya-huddle-settings.h"
#include "obeya-import-dialog.h"
#include "obeya-metric-editor.h"
#include "obeya-metric-window.h"
#include "obeya-metrics.h"
#include "obeya-sample.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

static char *piece;
static gboolean dark;
static char *size;

static const char bad_csv[] =
  "date,metric,value,note,reason\n"
  "2026-11-04,Invoices processed,433,,\n"
  "2026-11-05,Invoices processed,398,Scanner jammed,System outage\n"
  "2026-11-05,Invoces processed,12,,\n"
  "2026-11-05,First-pass yield,ninety,,\n"
  "2026-11-05,Overtime hours,2.5,,\n"
  "2026-11-31,Overtime hours,2.5,,\n";

static const char good_csv[] =
  "date,metric,value,note,reason\n"
  "2026-11-04,Invoices processed,433,,\n"
  "2026-11-05,Invoices processed,398,Scanner jammed,System outage\n"
  "2026-11-05,First-pass yield,96.1,,\n"
  "2026-11-05,Overtime hours,2.5,,\n"
  "2026-11-05,Items older than 5 days,8,,\n";

static ObeyaChart *
demo_bar_chart (void)
{
  ObeyaBarChart *chart = obeya_bar_chart_new ();
  const ObeyaChartBar bars[] = {
    { "Sort", 80, OBEYA_CHART_STATUS_MET, { 0 } },
    { "Set in order", 65, OBEYA_CHART_STATUS_AMBER, { 0 } },
    { "Shine", 90, OBEYA_CHART_STATUS_MET, { 0 } },
    { "Standardize", 40, OBEYA_CHART_STATUS_MISSED, { 0 } },
    { "Sustain", 55, OBEYA_CHART_STATUS_NONE, { 0 } },
  };

  obeya_bar_chart_set_bars (chart, bars, G_N_ELEMENTS (bars));
  obeya_chart_set_title (OBEYA_CHART (chart), "5S by S");
  return OBEYA_CHART (chart);
}

static void
startup_cb (GApplication *app)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
show_chart (GtkApplication *app,
            int             width,
            int             height)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(ObeyaChart) chart = demo_bar_chart ();
  GtkWidget *widget = obeya_chart_widget_new (chart);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
  gtk_widget_set_margin_start (widget, 24);
  gtk_widget_set_margin_end (widget, 24);
  gtk_widget_set_margin_top (widget, 24);
  gtk_widget_set_margin_bottom (widget, 24);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), widget);
  gtk_widget_add_css_class (widget, "card");
  /* Shown as on hover, for the screenshot. */
  gtk_widget_set_opacity (gtk_widget_get_first_child (widget), 1.);
  gtk_window_present (GTK_WINDOW (window));
}

static void
raise_demo_actions (ObeyaWorkspace *workspace,
                    ObeyaDay        today)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (workspace);
  ObeyaMetric *invoices = obeya_metrics_find_metric_by_name (metrics, "Invoices processed");
  ObeyaMetric *yield = obeya_metrics_find_metric_by_name (metrics, "First-pass yield");
  GListModel *people = obeya_workspace_get_people (workspace);
  g_autoptr(ObeyaEntity) ana = g_list_model_get_item (people, 0);
  g_autoptr(ObeyaEntity) ben = g_list_model_get_item (people, 1);

  obeya_metrics_raise_action (metrics, "Ask IT for a fallback scanner", obeya_entity_get_id (ana),
                              today - 2, invoices, today - 3, NULL);
  obeya_metrics_raise_action (metrics, "Check the coding of vendor credit notes",
                              obeya_entity_get_id (ben), today + 4, yield, today - 1, NULL);
  obeya_metrics_raise_action (metrics, "Book the Excel refresher course", NULL, OBEYA_DAY_NONE,
                              NULL, OBEYA_DAY_NONE, NULL);
}

static void
activate_cb (GtkApplication *app)
{
  ObeyaDay today = obeya_day_today ();
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(ObeyaDocument) document = NULL;
  g_autofree char *path = NULL;
  ObeyaMetrics *metrics;
  ObeyaMetric *invoices;
  ObeyaWindow *window;
  GtkWidget *dialog = NULL;
  int width = 1024, height = 600;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);
  if (g_strcmp0 (piece, "chart") == 0)
    {
      show_chart (app, width, height);
      return;
    }

  workspace = obeya_sample_create_workspace (today);
  metrics = obeya_workspace_get_metrics (workspace);
  invoices = obeya_metrics_find_metric_by_name (metrics, "Invoices processed");
  if (g_strcmp0 (piece, "empty") == 0)
    obeya_workspace_clear_sample (workspace);
  if (g_strcmp0 (piece, "actions") == 0)
    raise_demo_actions (workspace, today);

  /* A new file each run: an old one would be "changed by someone else". */
  path = g_build_filename (g_get_tmp_dir (), "huddle-demo.obeya", NULL);
  g_unlink (path);
  document = obeya_document_new_for_workspace (workspace, path);
  window = obeya_window_new (NULL);
  gtk_window_set_application (GTK_WINDOW (window), app);
  obeya_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  obeya_window_show_huddle (window);
  gtk_window_present (GTK_WINDOW (window));

  if (g_strcmp0 (piece, "form") == 0 || g_strcmp0 (piece, "day") == 0)
    {
      gboolean past = g_strcmp0 (piece, "day") == 0;

      dialog = obeya_entry_form_new (GTK_WINDOW (window), workspace, past ? today - 6 : today);
      if (!past)
        {
          ObeyaEntryForm *form = OBEYA_ENTRY_FORM (dialog);
          ObeyaMetric *incidents = obeya_metrics_find_metric_by_name (metrics,
                                                                      "Data-security incidents");

          gtk_editable_set_text (obeya_entry_form_get_value_editable (form, incidents), "0");
          gtk_editable_set_text (obeya_entry_form_get_value_editable (form, invoices), "250");
        }
    }
  else if (g_strcmp0 (piece, "metric") == 0 || g_strcmp0 (piece, "entries") == 0 ||
           g_strcmp0 (piece, "reasons") == 0)
    {
      dialog = obeya_metric_window_new (GTK_WINDOW (window), invoices);
      if (g_strcmp0 (piece, "metric") != 0)
        obeya_metric_window_show_page (OBEYA_METRIC_WINDOW (dialog), piece);
    }
  else if (g_str_has_prefix (piece, "import"))
    {
      dialog = obeya_import_dialog_new (GTK_WINDOW (window), workspace);
      if (g_strcmp0 (piece, "import") == 0)
        obeya_import_dialog_set_text (OBEYA_IMPORT_DIALOG (dialog), bad_csv, -1, "ledger-report.csv");
      else if (g_strcmp0 (piece, "import-ok") == 0)
        obeya_import_dialog_set_text (OBEYA_IMPORT_DIALOG (dialog), good_csv, -1, "ledger-report.csv");
    }
  else if (g_strcmp0 (piece, "editor") == 0)
    dialog = obeya_metric_editor_new (GTK_WINDOW (window), workspace, invoices);
  else if (g_strcmp0 (piece, "editor-new") == 0)
    dialog = obeya_metric_editor_new (GTK_WINDOW (window), workspace, NULL);
  else if (g_strcmp0 (piece, "settings") == 0)
    dialog = obeya_huddle_settings_new (GTK_WINDOW (window), workspace);
  else if (g_strcmp0 (piece, "action") == 0)
    dialog = obeya_action_dialog_new (GTK_WINDOW (window), workspace, invoices, today - 1);
  else if (g_strcmp0 (piece, "view") != 0 && g_strcmp0 (piece, "empty") != 0 &&
           g_strcmp0 (piece, "actions") != 0)
    g_printerr ("Unknown piece “%s”\n", piece);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size", "WxH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PIECE");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: huddle-demo [--dark] [--size WxH] PIECE");
      return 2;
    }
  piece = argv[1];
  obeya_time_set_fake_now ("2026-11-05T10:30:00+01:00");

  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "org.obeya.HuddleDemo",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/org/obeya/Obeya",
                      NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
