/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaChartWidget under a display: it paints the chart (pixels that are
 * not all background), follows the style manager's dark style, redraws on
 * the chart's ::changed, saves PNG, SVG and PDF and copies a texture.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "obeya-chart-widget.h"
#include "test-util.h"

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
flush_events (void)
{
  gboolean done = FALSE;

  g_timeout_add (80, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static ObeyaChart *
bar_chart (void)
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

/* Renders @widget offscreen with the cairo renderer, as the screen shows it. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}

/* How many pixels differ from the top-left one (the background). */
static guint
count_ink (GdkTexture *texture,
           guint32    *background)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);
  guint ink = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  *background = pixels[0];
  for (int i = 0; i < width * height; i++)
    ink += pixels[i] != pixels[0];
  return ink;
}

static GtkWidget *
show_in_window (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), widget);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 300);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (widget);
  flush_events ();
  return window;
}

static void
test_renders (void)
{
  g_autoptr(ObeyaChart) chart = bar_chart ();
  GtkWidget *widget = obeya_chart_widget_new (chart);
  GtkWidget *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  guint32 light_bg, dark_bg;
  guint ink;

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  window = show_in_window (widget);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);

  light = render_widget (widget);
  ink = count_ink (light, &light_bg);
  /* Bars, labels and axes: a good share of the area is not background. */
  g_assert_cmpuint (ink, >, (guint) (gtk_widget_get_width (widget) *
                                     gtk_widget_get_height (widget) / 20));
  g_assert_false (obeya_chart_widget_get_palette (OBEYA_CHART_WIDGET (widget))->dark);

  /* The plot area is known after the draw, in widget coordinates. */
  {
    ObeyaChartRect plot;

    g_assert_true (obeya_chart_get_plot_area (chart, &plot));
    g_assert_cmpfloat (plot.x + plot.width, <=, gtk_widget_get_width (widget));
    g_assert_cmpfloat (plot.y + plot.height, <=, gtk_widget_get_height (widget));
  }

  /* The dark style changes the palette, and the background with it. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  flush_events ();
  g_assert_true (obeya_chart_widget_get_palette (OBEYA_CHART_WIDGET (widget))->dark);
  dark = render_widget (widget);
  count_ink (dark, &dark_bg);
  g_assert_cmphex (dark_bg, !=, light_bg);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  flush_events ();

  /* A transparent widget leaves the background to the CSS. */
  obeya_chart_widget_set_transparent (OBEYA_CHART_WIDGET (widget), TRUE);
  g_assert_cmpfloat (obeya_chart_widget_get_palette (OBEYA_CHART_WIDGET (widget))->background.alpha,
                     ==, 0.);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_null (widget);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
draws_cb (GtkWidget *widget,
          guint     *n)
{
  (*n)++;
}

static void
test_follows_chart (void)
{
  g_autoptr(ObeyaChart) chart = bar_chart ();
  g_autoptr(ObeyaChart) other = bar_chart ();
  GtkWidget *widget = obeya_chart_widget_new (chart);
  GtkWidget *window = show_in_window (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_frames = 0;
  const ObeyaChartBar bar = { "A", 1, OBEYA_CHART_STATUS_NONE, { 0 } };

  g_signal_connect (clock, "after-paint", G_CALLBACK (draws_cb), &n_frames);
  obeya_bar_chart_set_bars (OBEYA_BAR_CHART (chart), &bar, 1);
  flush_events ();
  g_assert_cmpuint (n_frames, >, 0);
  g_signal_handlers_disconnect_by_func (clock, draws_cb, &n_frames);

  /* Replacing the chart drops the old one's signal handlers. */
  obeya_chart_widget_set_chart (OBEYA_CHART_WIDGET (widget), other);
  g_assert_true (obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (widget)) == other);
  obeya_chart_set_title (chart, "No longer shown");
  g_assert_cmpuint (g_signal_handlers_disconnect_matched (chart, G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                                          NULL, widget), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (g_steal_pointer (&chart));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_save_and_copy (void)
{
  g_autoptr(ObeyaChart) chart = bar_chart ();
  GtkWidget *widget = obeya_chart_widget_new (chart);
  GtkWidget *window = show_in_window (widget);
  g_autofree char *dir = g_dir_make_tmp ("obeya-chart-widget-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *odd = g_build_filename (dir, "chart.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkClipboard *clipboard;
  double width, height;

  /* Small widgets export at a readable size, with the same shape. */
  obeya_chart_widget_get_export_size (OBEYA_CHART_WIDGET (widget), &width, &height);
  g_assert_cmpfloat (MAX (width, height), >=, OBEYA_CHART_WIDGET_EXPORT_MIN);
  g_assert_cmpfloat (fabs (width / height - (double) gtk_widget_get_width (widget) /
                           gtk_widget_get_height (widget)), <, 0.01);

  g_assert_true (obeya_chart_widget_save (OBEYA_CHART_WIDGET (widget), png,
                                          OBEYA_CHART_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG", 4);
  g_assert_true (obeya_chart_widget_save (OBEYA_CHART_WIDGET (widget), svg,
                                          OBEYA_CHART_FORMAT_AUTO, &error));
  assert_file_starts_with (svg, "<?xml", 5);
  g_assert_true (obeya_chart_widget_save (OBEYA_CHART_WIDGET (widget), pdf,
                                          OBEYA_CHART_FORMAT_AUTO, &error));
  assert_file_starts_with (pdf, "%PDF", 4);
  /* An unknown extension is an error, and nothing is written. */
  g_assert_false (obeya_chart_widget_save (OBEYA_CHART_WIDGET (widget), odd,
                                           OBEYA_CHART_FORMAT_AUTO, &error));
  g_assert_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (odd, G_FILE_TEST_EXISTS));

  /* Copy puts the PNG on the clipboard as a texture of the export size. */
  texture = obeya_chart_widget_render_texture (OBEYA_CHART_WIDGET (widget), 1, NULL);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) width);
  gtk_widget_activate_action (widget, "chart.copy", NULL);
  clipboard = gtk_widget_get_clipboard (widget);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));

  /* Not exportable: the actions are off and the button hidden. */
  obeya_chart_widget_set_exportable (OBEYA_CHART_WIDGET (widget), FALSE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (widget)));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  test_remove_tree (dir);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-widget/renders", test_renders);
  g_test_add_func ("/chart-widget/follows-chart", test_follows_chart);
  g_test_add_func ("/chart-widget/save-and-copy", test_save_and_copy);

  return g_test_run ();
}
