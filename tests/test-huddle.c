/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily huddle under a display (Xvfb in `make check`), on the
 * first-start sample with "now" pinned: the tiles and their statuses, the
 * letter calendars and their day cells, a metric's window with an entry
 * edited and undone, the entry form (Tab, Enter, one command, a miss asks
 * for a reason), the CSV import preview (a bad row imports nothing), the
 * action log, the metric editor, the empty state, and charts that paint.
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-action-dialog.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-chart-widget.h"
#include "obeya-document.h"
#include "obeya-entry-form.h"
#include "obeya-entry-item.h"
#include "obeya-history.h"
#include "obeya-huddle-util.h"
#include "obeya-huddle-view.h"
#include "obeya-import-dialog.h"
#include "obeya-kpi-tile.h"
#include "obeya-metric-category.h"
#include "obeya-metric-editor.h"
#include "obeya-metric-window.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-sample.h"
#include "obeya-window.h"
#include "obeya-workspace.h"
#include "test-util.h"

#define NOW "2026-11-05T10:30:00+01:00"

typedef struct
{
  char            *dir;
  ObeyaWorkspace  *workspace;
  ObeyaMetrics    *metrics;
  ObeyaDocument   *document;
  ObeyaWindow     *window;
  ObeyaHuddleView *view;
  ObeyaDay         today;
} Fixture;

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A few frames, so that lists lay out their rows, then whatever is still
 * pending (a slow sanitizer build may not get to the idles in time). */
static void
flush_events (void)
{
  run_main_loop (80);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Depth-first search for the @skip-th widget of @type under @root (only
 * mapped ones when @mapped). */
static GtkWidget *
find_widget_counting (GtkWidget *root,
                      GType      type,
                      gboolean   mapped,
                      guint     *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (mapped && !gtk_widget_get_mapped (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
        }
      found = find_widget_counting (child, type, mapped, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint      skip)
{
  return find_widget_counting (root, type, FALSE, &skip);
}

static GtkWidget *
find_mapped_widget (GtkWidget *root,
                    GType      type,
                    guint      skip)
{
  return find_widget_counting (root, type, TRUE, &skip);
}

/* The toplevel of @type, if one is open. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static ObeyaMetric *
metric_named (Fixture    *f,
              const char *name)
{
  ObeyaMetric *metric = obeya_metrics_find_metric_by_name (f->metrics, name);

  g_assert_nonnull (metric);
  return metric;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  obeya_time_set_fake_now (NOW);
  f->today = obeya_day_today ();
  f->dir = g_dir_make_tmp ("obeya-huddle-XXXXXX", NULL);
  path = g_build_filename (f->dir, "team.obeya", NULL);
  f->workspace = obeya_sample_create_workspace (f->today);
  f->metrics = obeya_workspace_get_metrics (f->workspace);
  f->document = obeya_document_new_for_workspace (f->workspace, path);
  f->window = obeya_window_new (NULL);
  obeya_window_set_document (f->window, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  obeya_window_show_huddle (f->window);
  flush_events ();
  f->view = OBEYA_HUDDLE_VIEW (find_widget (GTK_WIDGET (f->window), OBEYA_TYPE_HUDDLE_VIEW, 0));
  g_assert_nonnull (f->view);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first, then the window. */
  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (f->window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->document);
  test_await_finalize (f->workspace);
  test_remove_tree (f->dir);
  g_free (f->dir);
  obeya_time_set_fake_now (NULL);
}

/* Renders @widget offscreen with the cairo renderer; how many pixels differ
 * from its top left one. */
static guint
count_ink (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guint32 *pixels = NULL;
  guint ink = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    ink += pixels[i] != pixels[0];
  return ink;
}

/* ---- the board ---------------------------------------------------------------------------- */

static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  GListModel *metrics = obeya_metrics_get_metrics (f->metrics);
  GtkWidget *stack = find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK, 0);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "board");
  g_assert_cmpuint (g_list_model_get_n_items (metrics), ==, 6);

  /* Every metric has a tile, showing the status core computes for the day
   * the huddle reviews, as its CSS class. */
  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (metrics, i);
      GtkWidget *tile = obeya_huddle_view_get_tile (f->view, metric);
      ObeyaDay review;
      ObeyaMetricStatus expected;

      g_assert_nonnull (tile);
      g_assert_true (gtk_widget_get_mapped (tile));
      review = obeya_kpi_tile_get_review_day (OBEYA_KPI_TILE (tile));
      g_assert_cmpuint (review, !=, OBEYA_DAY_NONE);
      g_assert_cmpuint (review, <=, f->today);
      expected = obeya_metric_get_entry (metric, review)
                 ? obeya_metric_get_status (metric, review, f->today)
                 : OBEYA_METRIC_STATUS_NO_DATA;
      g_assert_cmpint (obeya_kpi_tile_get_status (OBEYA_KPI_TILE (tile)), ==, expected);
      g_assert_true (gtk_widget_has_css_class (tile, obeya_huddle_util_status_class (expected)));
    }

  /* A miss today turns its tile red at once. */
  obeya_metric_set_entry (metric_named (f, "Invoices processed"), f->today, 100, NULL, NULL);
  flush_events ();
  {
    GtkWidget *tile = obeya_huddle_view_get_tile (f->view, metric_named (f, "Invoices processed"));

    g_assert_cmpuint (obeya_kpi_tile_get_review_day (OBEYA_KPI_TILE (tile)), ==, f->today);
    g_assert_cmpint (obeya_kpi_tile_get_status (OBEYA_KPI_TILE (tile)), ==,
                     OBEYA_METRIC_STATUS_MISSED);
    g_assert_true (gtk_widget_has_css_class (tile, "missed"));
  }
  obeya_history_undo (obeya_workspace_get_history (f->workspace));
  flush_events ();
  g_assert_false (gtk_widget_has_css_class (obeya_huddle_view_get_tile (f->view,
                                                                         metric_named (f, "Invoices processed")),
                                            "missed"));
}

static void
test_calendars (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *calendar = obeya_huddle_view_get_calendar (f->view, OBEYA_CATEGORY_DELIVERY);
  ObeyaChart *chart;
  ObeyaChartRect rect;
  int year, month;
  ObeyaDay day;

  g_assert_nonnull (calendar);
  g_assert_nonnull (obeya_huddle_view_get_calendar (f->view, OBEYA_CATEGORY_SAFETY));
  chart = obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (calendar));
  g_assert_true (OBEYA_IS_LETTER_CALENDAR (chart));
  g_assert_cmpint (obeya_letter_calendar_get_letter (OBEYA_LETTER_CALENDAR (chart)), ==,
                   OBEYA_CHART_LETTER_D);

  /* The calendar paints: far more than its background. */
  g_assert_cmpuint (count_ink (calendar), >, 2000);

  /* A day cell maps back to its day (widget coordinates). */
  g_assert_true (obeya_letter_calendar_get_day_rect (OBEYA_LETTER_CALENDAR (chart), 3, &rect));
  day = obeya_huddle_view_calendar_day_at (f->view, calendar, rect.x + rect.width / 2,
                                           rect.y + rect.height / 2);
  g_assert_cmpuint (day, ==, obeya_day_from_ymd (2026, 11, 3));
  g_assert_cmpuint (obeya_huddle_view_calendar_day_at (f->view, calendar, -5, -5), ==,
                    OBEYA_DAY_NONE);

  /* Opening a day shows that day's numbers, with the values entered. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.open-day", "s", "2026-11-03");
  flush_events ();
  {
    ObeyaEntryForm *form = OBEYA_ENTRY_FORM (find_toplevel (OBEYA_TYPE_ENTRY_FORM));
    ObeyaMetric *invoices = metric_named (f, "Invoices processed");
    const ObeyaMetricEntry *entry = obeya_metric_get_entry (invoices, obeya_day_from_ymd (2026, 11, 3));
    g_autofree char *shown = obeya_huddle_util_format_number (invoices, entry->value);

    g_assert_nonnull (form);
    g_assert_cmpuint (obeya_entry_form_get_day (form), ==, obeya_day_from_ymd (2026, 11, 3));
    g_assert_cmpstr (gtk_editable_get_text (obeya_entry_form_get_value_editable (form, invoices)), ==,
                     shown);
    gtk_window_destroy (GTK_WINDOW (form));
  }

  /* Month navigation. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.previous-month", NULL);
  obeya_huddle_view_get_month (f->view, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 10);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.previous-month", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.this-month", NULL);
  obeya_huddle_view_get_month (f->view, &year, &month);
  g_assert_cmpint (month, ==, 11);
  obeya_huddle_view_set_month (f->view, 2027, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.previous-month", NULL);
  obeya_huddle_view_get_month (f->view, &year, &month);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 12);
}

/* Emits @signal on @widget's first controller of @type (Xvfb has no window
 * manager to give the window focus, so key and focus events are sent to the
 * controllers that would receive them). */
static GtkEventController *
controller_of_type (GtkWidget *widget,
                    GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the widget keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller_of_type (widget, GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* Gives @widget the focus and tells its focus controller, as a window
 * manager's active window would. */
static void
focus (GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
  g_object_notify (G_OBJECT (controller_of_type (widget, GTK_TYPE_EVENT_CONTROLLER_FOCUS)),
                   "is-focus");
}

/* The calendar is one focus stop whose arrows walk the days; Enter opens
 * the day's numbers, never a future day's. */
static void
test_calendar_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *calendar = obeya_huddle_view_get_calendar (f->view, OBEYA_CATEGORY_QUALITY);
  ObeyaEntryForm *form;

  g_assert_true (gtk_widget_get_focusable (calendar));
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==, OBEYA_DAY_NONE);
  focus (calendar);
  g_assert_true (gtk_widget_is_focus (calendar));
  /* It starts on today. */
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==, f->today);

  g_assert_true (press (calendar, GDK_KEY_Left));
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==,
                    obeya_day_from_ymd (2026, 11, 4));
  g_assert_true (press (calendar, GDK_KEY_Down));
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==,
                    obeya_day_from_ymd (2026, 11, 11));
  g_assert_true (press (calendar, GDK_KEY_End));
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==,
                    obeya_day_from_ymd (2026, 11, 30));
  g_assert_true (press (calendar, GDK_KEY_Right)); /* stays in the month */
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==,
                    obeya_day_from_ymd (2026, 11, 30));

  /* A future day opens nothing. */
  g_assert_true (press (calendar, GDK_KEY_Return));
  flush_events ();
  g_assert_null (find_toplevel (OBEYA_TYPE_ENTRY_FORM));

  g_assert_true (press (calendar, GDK_KEY_Home));
  g_assert_true (press (calendar, GDK_KEY_Right));
  g_assert_true (press (calendar, GDK_KEY_Right));
  g_assert_cmpuint (obeya_huddle_view_calendar_focus_day (f->view, calendar), ==,
                    obeya_day_from_ymd (2026, 11, 3));
  g_assert_true (press (calendar, GDK_KEY_Return));
  flush_events ();
  form = OBEYA_ENTRY_FORM (find_toplevel (OBEYA_TYPE_ENTRY_FORM));
  g_assert_nonnull (form);
  g_assert_cmpuint (obeya_entry_form_get_day (form), ==, obeya_day_from_ymd (2026, 11, 3));
  gtk_window_destroy (GTK_WINDOW (form));

  /* Page Up shows the month before; Tab still leaves (unhandled). */
  g_assert_true (press (calendar, GDK_KEY_Page_Up));
  {
    int year, month;

    obeya_huddle_view_get_month (f->view, &year, &month);
    g_assert_cmpint (month, ==, 10);
  }
  g_assert_false (press (calendar, GDK_KEY_Tab));

  /* Keys for its export button (a child) are not the calendar's. */
  {
    GtkWidget *button = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (calendar); child != NULL && button == NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_get_focusable (child) || GTK_IS_MENU_BUTTON (child))
        button = child;
    g_assert_nonnull (button);
    gtk_widget_grab_focus (button);
    g_assert_false (gtk_widget_is_focus (calendar));
    g_assert_false (press (calendar, GDK_KEY_Home));
  }
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK, 0);

  /* Without metrics the page says what to do next. */
  obeya_workspace_clear_sample (f->workspace);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_metrics (f->metrics)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  obeya_history_undo (obeya_workspace_get_history (f->workspace));
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "board");
  g_assert_nonnull (obeya_huddle_view_get_tile (f->view, metric_named (f, "Overtime hours")));
}

/* ---- a metric ------------------------------------------------------------------------------- */

static GtkWidget *
find_value_cell (GtkWidget *window,
                 ObeyaDay   day)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *cell = find_widget (window, GTK_TYPE_ENTRY, i);

      if (cell == NULL)
        return NULL;
      /* Value cells are right-aligned; note cells are not. */
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "obeya-day")) == day &&
          gtk_editable_get_alignment (GTK_EDITABLE (cell)) == 1.f)
        return cell;
    }
}

static void
test_metric_window (Fixture       *f,
                    gconstpointer  data)
{
  ObeyaMetric *metric = metric_named (f, "Invoices processed");
  GtkWidget *tile = obeya_huddle_view_get_tile (f->view, metric);
  ObeyaMetricWindow *window;
  GListModel *entries;
  g_autoptr(ObeyaEntryItem) first = NULL;
  ObeyaDay day;
  const ObeyaMetricEntry *entry;
  double before;
  GtkWidget *cell;
  GtkWidget *run;

  /* A tile opens its metric. */
  g_signal_emit_by_name (tile, "clicked");
  flush_events ();
  window = OBEYA_METRIC_WINDOW (find_toplevel (OBEYA_TYPE_METRIC_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (obeya_metric_window_get_metric (window) == metric);

  /* The run chart paints. */
  run = find_widget (GTK_WIDGET (window), OBEYA_TYPE_CHART_WIDGET, 0);
  g_assert_nonnull (run);
  g_assert_cmpuint (count_ink (run), >, 5000);

  /* The entries: every due day of the range, newest first. */
  entries = obeya_metric_window_get_entries (window);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 40);
  obeya_metric_window_set_range (window, OBEYA_METRIC_RANGE_30_DAYS);
  g_assert_cmpuint (g_list_model_get_n_items (entries), <=, 30);
  obeya_metric_window_set_range (window, OBEYA_METRIC_RANGE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 60);

  /* Edit yesterday's number in place: one undoable command. */
  obeya_metric_window_show_page (window, "entries");
  flush_events ();
  first = g_list_model_get_item (entries, 1);
  day = obeya_entry_item_get_day (first);
  g_assert_cmpuint (day, ==, f->today - 1);
  entry = obeya_metric_get_entry (metric, day);
  g_assert_nonnull (entry);
  before = entry->value;
  cell = find_value_cell (GTK_WIDGET (window), day);
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "100");
  g_signal_emit_by_name (cell, "activate");
  flush_events ();
  g_assert_cmpfloat (obeya_metric_get_entry (metric, day)->value, ==, 100);
  g_assert_cmpint (obeya_metric_get_status (metric, day, f->today), ==, OBEYA_METRIC_STATUS_MISSED);

  /* Not a number: nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (cell), "lots");
  g_signal_emit_by_name (cell, "activate");
  g_assert_cmpfloat (obeya_metric_get_entry (metric, day)->value, ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "100");

  /* Ctrl+Z in the metric window undoes the edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "metric.undo", NULL);
  flush_events ();
  g_assert_cmpfloat (obeya_metric_get_entry (metric, day)->value, ==, before);
  cell = find_value_cell (GTK_WIDGET (window), day);
  {
    g_autofree char *shown = obeya_huddle_util_format_number (metric, before);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, shown);
  }

  /* The Pareto of miss reasons has the sample's outage misses. */
  obeya_metric_window_show_page (window, "reasons");
  flush_events ();
  {
    GtkWidget *pareto = find_widget (GTK_WIDGET (window), OBEYA_TYPE_CHART_WIDGET, 1);

    g_assert_true (OBEYA_IS_PARETO_CHART (obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (pareto))));
    g_assert_false (obeya_chart_is_empty (obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (pareto))));
  }

  /* Deleting the metric closes its window. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  obeya_metrics_delete_metric (f->metrics, metric);
  flush_events ();
  g_assert_null (window);
  g_assert_null (obeya_huddle_view_get_tile (f->view, metric));
}

/* ---- entering numbers ------------------------------------------------------------------------- */

static ObeyaEntryForm *
open_form (Fixture *f)
{
  ObeyaEntryForm *form;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.huddle", "s", "enter-numbers");
  flush_events ();
  form = OBEYA_ENTRY_FORM (find_toplevel (OBEYA_TYPE_ENTRY_FORM));
  g_assert_nonnull (form);
  g_assert_cmpuint (obeya_entry_form_get_day (form), ==, f->today);
  return form;
}

static gboolean
focus_is_in (GtkWindow *window,
             gpointer   widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_fast_entry (Fixture       *f,
                 gconstpointer  data)
{
  ObeyaEntryForm *form = open_form (f);
  ObeyaHistory *history = obeya_workspace_get_history (f->workspace);
  const char *names[] = { "Data-security incidents", "First-pass yield", "Invoices processed",
                          "Items older than 5 days", "Overtime hours" };
  const char *typed[] = { "0", "97.5", "431", "6", "2.5" };
  GtkEditable *editables[G_N_ELEMENTS (names)];
  ObeyaMetric *training = metric_named (f, "Training hours");

  /* The first number has the focus; the previous numbers are the hints. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      editables[i] = obeya_entry_form_get_value_editable (form, metric_named (f, names[i]));
      g_assert_nonnull (editables[i]);
      g_assert_cmpstr (gtk_editable_get_text (editables[i]), ==, "");
      g_assert_nonnull (gtk_entry_get_placeholder_text (GTK_ENTRY (editables[i])));
      g_assert_nonnull (obeya_metric_get_entry (metric_named (f, names[i]), f->today - 1));
    }
  g_assert_true (focus_is_in (GTK_WINDOW (form), editables[0]));
  /* A weekly metric has its week's row (this week is not in yet). */
  g_assert_nonnull (obeya_entry_form_get_value_editable (form, training));

  /* Type, Tab: the focus goes from number to number when nothing misses. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (focus_is_in (GTK_WINDOW (form), editables[i]));
      gtk_editable_set_text (editables[i], typed[i]);
      g_assert_false (obeya_entry_form_asks_reason (form, metric_named (f, names[i])));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (form), GTK_DIR_TAB_FORWARD));
    }
  g_assert_true (focus_is_in (GTK_WINDOW (form), obeya_entry_form_get_value_editable (form, training)));

  /* Enter saves everything as one command and closes the form. */
  g_assert_false (obeya_history_can_undo (history));
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  /* What Enter does in a number: activate the form's default widget, Save. */
  g_assert_true (gtk_entry_get_activates_default (GTK_ENTRY (editables[G_N_ELEMENTS (names) - 1])));
  gtk_widget_activate_default (GTK_WIDGET (gtk_editable_get_delegate (editables[G_N_ELEMENTS (names) - 1])));
  /* A button shows its press for a quarter of a second before it clicks. */
  run_main_loop (400);
  g_assert_null (form);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const ObeyaMetricEntry *entry = obeya_metric_get_entry (metric_named (f, names[i]), f->today);
      double value;

      g_assert_nonnull (entry);
      g_assert_true (obeya_huddle_util_parse_value (typed[i], &value));
      g_assert_cmpfloat (entry->value, ==, value);
    }
  g_assert_true (obeya_history_can_undo (history));
  g_assert_cmpstr (obeya_history_get_undo_label (history), ==, "Enter the numbers of Thu\u00a05\u00a0Nov");

  /* One undo removes them all. */
  obeya_history_undo (history);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (obeya_metric_get_entry (metric_named (f, names[i]), f->today));
}

static void
test_miss_asks_reason (Fixture       *f,
                       gconstpointer  data)
{
  ObeyaEntryForm *form = open_form (f);
  ObeyaMetric *invoices = metric_named (f, "Invoices processed");
  ObeyaMetric *overtime = metric_named (f, "Overtime hours");
  GtkEditable *value = obeya_entry_form_get_value_editable (form, invoices);
  GtkDropDown *reasons = obeya_entry_form_get_reason_dropdown (form, invoices);
  GListModel *model = gtk_drop_down_get_model (reasons);
  ObeyaMissReason *outage = obeya_metrics_find_miss_reason_by_name (f->metrics, "System outage");
  guint n_reasons = g_list_model_get_n_items (obeya_metrics_get_miss_reasons (f->metrics));
  ObeyaHistory *history = obeya_workspace_get_history (f->workspace);
  GtkWidget *new_reason;

  g_assert_nonnull (outage);
  /* "No reason given", the reasons, "New Reason…" */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_reasons + 2);

  /* A met number asks nothing; a miss asks for a reason at once. */
  gtk_editable_set_text (value, "450");
  g_assert_false (obeya_entry_form_asks_reason (form, invoices));
  gtk_editable_set_text (value, "300");
  g_assert_true (obeya_entry_form_asks_reason (form, invoices));
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reasons)));
  /* Tab goes from the missed number to its reason. */
  gtk_widget_grab_focus (GTK_WIDGET (value));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (form), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_is_in (GTK_WINDOW (form), reasons));

  /* Choose "System outage" for invoices; a new reason for overtime. */
  for (guint i = 0; i < n_reasons; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i + 1);

      if (g_strcmp0 (gtk_string_object_get_string (item), "System outage") == 0)
        gtk_drop_down_set_selected (reasons, i + 1);
    }
  g_assert_cmpuint (gtk_drop_down_get_selected (reasons), >, 0);
  gtk_editable_set_text (obeya_entry_form_get_value_editable (form, overtime), "14");
  g_assert_true (obeya_entry_form_asks_reason (form, overtime));
  gtk_drop_down_set_selected (obeya_entry_form_get_reason_dropdown (form, overtime), n_reasons + 1);
  flush_events ();
  new_reason = gtk_root_get_focus (GTK_ROOT (form));
  g_assert_nonnull (new_reason);
  new_reason = gtk_widget_get_ancestor (new_reason, GTK_TYPE_ENTRY);
  g_assert_nonnull (new_reason);
  /* Saving with the new reason unnamed is refused, and nothing changes. */
  g_assert_false (obeya_entry_form_save (form));
  g_assert_null (obeya_metric_get_entry (invoices, f->today));
  gtk_editable_set_text (GTK_EDITABLE (new_reason), "Month-end peak");

  g_assert_true (obeya_entry_form_save (form));
  flush_events ();
  g_assert_cmpstr (obeya_metric_get_entry (invoices, f->today)->reason, ==,
                   obeya_entity_get_id (OBEYA_ENTITY (outage)));
  {
    ObeyaMissReason *peak = obeya_metrics_find_miss_reason_by_name (f->metrics, "Month-end peak");

    g_assert_nonnull (peak);
    g_assert_cmpstr (obeya_metric_get_entry (overtime, f->today)->reason, ==,
                     obeya_entity_get_id (OBEYA_ENTITY (peak)));
  }

  /* One undo: the numbers and the new reason. */
  obeya_history_undo (history);
  g_assert_null (obeya_metric_get_entry (invoices, f->today));
  g_assert_null (obeya_metric_get_entry (overtime, f->today));
  g_assert_null (obeya_metrics_find_miss_reason_by_name (f->metrics, "Month-end peak"));
}

static void
test_miss_raises_action (Fixture       *f,
                         gconstpointer  data)
{
  ObeyaEntryForm *form = open_form (f);
  ObeyaMetric *invoices = metric_named (f, "Invoices processed");
  ObeyaBoard *board = obeya_metrics_get_action_board (f->metrics);
  guint n_cards = obeya_board_get_cards (board)->len;
  GtkWidget *raise, *title;
  ObeyaCard *card;
  ObeyaDay missed = OBEYA_DAY_NONE;

  gtk_editable_set_text (obeya_entry_form_get_value_editable (form, invoices), "250");
  flush_events ();
  /* The row's check button and action title follow its reason and note. */
  raise = find_mapped_widget (GTK_WIDGET (form), GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_nonnull (raise);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (raise), TRUE);
  flush_events ();
  title = NULL;
  for (guint i = 0; title == NULL; i++)
    {
      GtkWidget *entry = find_mapped_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY, i);

      g_assert_nonnull (entry);
      if (g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), "What will be done?") == 0)
        title = entry;
    }
  gtk_editable_set_text (GTK_EDITABLE (title), "Ask IT for a fallback scanner");
  g_assert_true (obeya_entry_form_save (form));
  flush_events ();

  /* The number and the action: one command. */
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, n_cards + 1);
  card = g_ptr_array_index (obeya_board_get_cards (board), n_cards);
  g_assert_cmpstr (obeya_card_get_title (card), ==, "Ask IT for a fallback scanner");
  g_assert_true (obeya_huddle_util_get_action_metric (card, f->metrics, &missed) == invoices);
  g_assert_cmpuint (missed, ==, f->today);

  /* The action log shows it; its row opens the card on its board. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, 0);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Ask IT for a fallback scanner");
    g_signal_emit_by_name (row, "activated");
    flush_events ();
    g_assert_true (obeya_window_get_board (f->window) == board);
    obeya_window_show_huddle (f->window);
  }

  obeya_history_undo (obeya_workspace_get_history (f->workspace));
  flush_events ();
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, n_cards);
  g_assert_null (obeya_metric_get_entry (invoices, f->today));
  g_assert_null (find_widget (GTK_WIDGET (f->view), ADW_TYPE_ACTION_ROW, 0));
}

static void
test_raise_action (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *title;
  ObeyaCard *card;
  g_autoptr(GPtrArray) actions = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.raise-action", NULL);
  flush_events ();
  dialog = find_toplevel (OBEYA_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  /* Without a title nothing is raised. */
  g_assert_null (obeya_action_dialog_raise (OBEYA_ACTION_DIALOG (dialog)));
  title = find_widget (dialog, ADW_TYPE_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (title), "Fix the printer in the mail room");
  card = obeya_action_dialog_raise (OBEYA_ACTION_DIALOG (dialog));
  g_assert_nonnull (card);
  /* Raised without a metric: a huddle link, so the log finds it. */
  g_assert_true (obeya_huddle_util_is_action (card));
  g_assert_null (obeya_huddle_util_get_action_metric (card, f->metrics, NULL));
  actions = obeya_huddle_util_dup_open_actions (f->metrics);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (actions->pdata[0] == card);
}

/* ---- import ---------------------------------------------------------------------------------- */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  ObeyaImportDialog *dialog;
  ObeyaMetric *invoices = metric_named (f, "Invoices processed");
  ObeyaMetric *overtime = metric_named (f, "Overtime hours");
  const char *bad = "date,metric,value,note\n"
                    "2026-11-05,Invoices processed,433,\n"
                    "2026-11-05,Invoces processed,12,typo in the name\n"
                    "2026-11-05,Overtime hours,2.5,\n";
  const char *good = "date,metric,value,note\n"
                     "2026-11-05,Invoices processed,433,\n"
                     "2026-11-05,Overtime hours,2.5,quiet day\n";
  GtkWidget *errors;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.huddle", "s", "import");
  flush_events ();
  dialog = OBEYA_IMPORT_DIALOG (find_toplevel (OBEYA_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (obeya_import_dialog_can_import (dialog));

  /* A bad row: its error with its line, and nothing can be imported. */
  obeya_import_dialog_set_text (dialog, bad, -1, "report.csv");
  flush_events ();
  g_assert_cmpuint (obeya_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpuint (obeya_import_dialog_get_n_errors (dialog), ==, 1);
  g_assert_false (obeya_import_dialog_can_import (dialog));
  g_assert_false (obeya_import_dialog_import (dialog));
  g_assert_null (obeya_metric_get_entry (invoices, f->today));
  g_assert_null (obeya_metric_get_entry (overtime, f->today));
  errors = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, 0);
  g_assert_nonnull (errors);
  {
    GtkWidget *label = find_widget (errors, GTK_TYPE_LABEL, 0);

    g_assert_nonnull (label);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Line 3: "));
  }

  /* The corrected file imports, as one command. */
  obeya_import_dialog_set_text (dialog, good, -1, "report.csv");
  g_assert_cmpuint (obeya_import_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (obeya_import_dialog_can_import (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  flush_events ();
  g_assert_null (dialog);
  g_assert_cmpfloat (obeya_metric_get_entry (invoices, f->today)->value, ==, 433);
  g_assert_cmpstr (obeya_metric_get_entry (overtime, f->today)->note, ==, "quiet day");
  obeya_history_undo (obeya_workspace_get_history (f->workspace));
  g_assert_null (obeya_metric_get_entry (invoices, f->today));
  g_assert_null (obeya_metric_get_entry (overtime, f->today));
}

/* ---- editing metrics -------------------------------------------------------------------------------- */

static AdwEntryRow *
entry_row_titled (GtkWidget  *root,
                  const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return ADW_ENTRY_ROW (row);
    }
}

static void
test_metric_editor (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *editor;
  ObeyaMetric *metric;
  guint n_metrics = g_list_model_get_n_items (obeya_metrics_get_metrics (f->metrics));
  guint n_targets = 0;
  const ObeyaMetricTarget *targets;
  ObeyaHistory *history = obeya_workspace_get_history (f->workspace);

  /* A new metric, in a new category. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.huddle", "s", "new-metric");
  flush_events ();
  editor = find_toplevel (OBEYA_TYPE_METRIC_EDITOR);
  g_assert_nonnull (editor);
  /* Without a name nothing is added. */
  g_assert_null (obeya_metric_editor_save (OBEYA_METRIC_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "Name")), "Calls answered");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "Unit, like % or invoices")), "%");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "Target")), "90");
  {
    AdwComboRow *category = ADW_COMBO_ROW (find_widget (editor, ADW_TYPE_COMBO_ROW, 0));

    adw_combo_row_set_selected (category,
                                g_list_model_get_n_items (adw_combo_row_get_model (category)) - 1);
  }
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "New category’s name")),
                         "Customer");
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "Its letter on the board")), "U");
  metric = obeya_metric_editor_save (OBEYA_METRIC_EDITOR (editor));
  g_assert_nonnull (metric);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_metrics (f->metrics)), ==,
                    n_metrics + 1);
  g_assert_cmpstr (obeya_metric_get_unit (metric), ==, "%");
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, f->today)->target, ==, 90);
  g_assert_cmpstr (obeya_metric_category_get_letter (obeya_metrics_find_category (f->metrics,
                                                                                  obeya_metric_get_category (metric))),
                   ==, "U");
  /* Its tile and its category's calendar are on the board. */
  g_assert_nonnull (obeya_huddle_view_get_tile (f->view, metric));
  g_assert_nonnull (obeya_huddle_view_get_calendar (f->view, obeya_metric_get_category (metric)));

  /* A new target from today keeps the old one for the days before. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "huddle.edit-metric", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (metric)));
  flush_events ();
  editor = find_toplevel (OBEYA_TYPE_METRIC_EDITOR);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (entry_row_titled (editor, "Target")), "95");
  g_assert_true (obeya_metric_editor_save (OBEYA_METRIC_EDITOR (editor)) == metric);
  targets = obeya_metric_get_targets (metric, &n_targets);
  g_assert_cmpuint (n_targets, ==, 2);
  g_assert_cmpfloat (targets[0].target, ==, 90);
  g_assert_cmpfloat (targets[1].target, ==, 95);
  g_assert_cmpuint (targets[1].from, ==, f->today);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, f->today - 1)->target, ==, 90);

  /* Each save was one command. */
  obeya_history_undo (history);
  obeya_metric_get_targets (metric, &n_targets);
  g_assert_cmpuint (n_targets, ==, 1);
  obeya_history_undo (history);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_metrics (f->metrics)), ==,
                    n_metrics);
  g_assert_null (obeya_huddle_view_get_tile (f->view, metric));
}

/* ---- helpers ------------------------------------------------------------------------------------------ */

static void
test_parse_value (void)
{
  double value = 0;

  g_assert_true (obeya_huddle_util_parse_value ("412", &value));
  g_assert_cmpfloat (value, ==, 412);
  g_assert_true (obeya_huddle_util_parse_value (" 96.5 ", &value));
  g_assert_cmpfloat (value, ==, 96.5);
  g_assert_true (obeya_huddle_util_parse_value ("96,5", &value));
  g_assert_cmpfloat (value, ==, 96.5);
  g_assert_true (obeya_huddle_util_parse_value ("1 250", &value));
  g_assert_cmpfloat (value, ==, 1250);
  g_assert_true (obeya_huddle_util_parse_value ("1.250,5", &value));
  g_assert_cmpfloat (value, ==, 1250.5);
  g_assert_true (obeya_huddle_util_parse_value ("1,250.5", &value));
  g_assert_cmpfloat (value, ==, 1250.5);
  g_assert_true (obeya_huddle_util_parse_value ("−3", &value));
  g_assert_cmpfloat (value, ==, -3);
  g_assert_true (obeya_huddle_util_parse_value ("-0", &value));
  g_assert_false (signbit (value));
  g_assert_false (obeya_huddle_util_parse_value ("", &value));
  g_assert_false (obeya_huddle_util_parse_value ("twelve", &value));
  g_assert_false (obeya_huddle_util_parse_value ("nan", &value));
  g_assert_false (obeya_huddle_util_parse_value ("inf", &value));
  g_assert_false (obeya_huddle_util_parse_value ("1e400", &value));
  g_assert_false (obeya_huddle_util_parse_value ("2e15", &value));
  g_assert_false (obeya_huddle_util_parse_value ("12 %", &value));
  g_assert_false (obeya_huddle_util_parse_value ("0x10", &value));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/huddle/parse-value", test_parse_value);
#define ADD(path, fn) g_test_add ("/huddle/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("tiles", test_tiles);
  ADD ("calendars", test_calendars);
  ADD ("calendar-keyboard", test_calendar_keyboard);
  ADD ("empty-state", test_empty_state);
  ADD ("metric-window", test_metric_window);
  ADD ("fast-entry", test_fast_entry);
  ADD ("miss-asks-reason", test_miss_asks_reason);
  ADD ("miss-raises-action", test_miss_raises_action);
  ADD ("raise-action", test_raise_action);
  ADD ("import", test_import);
  ADD ("metric-editor", test_metric_editor);
#undef ADD

  return g_test_run ();
}
