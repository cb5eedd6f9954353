/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * huddle-demo: shows one piece of the daily huddle UI on the first-start
 * sample, for looking at it (and taking screenshots with
 * /work/shared/tools/shot). Not installed.
 *
 *   huddle-demo [--dark] [--size WxH] PIECE
 *
 * PIECE is one of: chart (a chart widget with its export button shown).
 *
 * "Now" is pinned to 2026-11-05 10:30 so every run shows the same data.
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-chart-widget.h"
#include "obeya-charts.h"

static char *piece;
static gboolean dark;
static char *size;

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
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *overlay = adw_toast_overlay_new ();
  int width = 1024, height = 600;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);

  if (g_strcmp0 (piece, "chart") == 0)
    {
      g_autoptr(ObeyaChart) chart = demo_bar_chart ();
      GtkWidget *widget = obeya_chart_widget_new (chart);

      gtk_widget_set_margin_start (widget, 24);
      gtk_widget_set_margin_end (widget, 24);
      gtk_widget_set_margin_top (widget, 24);
      gtk_widget_set_margin_bottom (widget, 24);
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), widget);
      gtk_widget_add_css_class (widget, "card");
      /* Shown as on hover, for the screenshot. */
      gtk_widget_set_opacity (gtk_widget_get_first_child (widget), 1.);
    }
  else
    {
      g_printerr ("Unknown piece “%s”\n", piece ? piece : "");
      g_application_quit (G_APPLICATION (app));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
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

  app = adw_application_new ("org.obeya.HuddleDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
