/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-chart-widget.h"
#include "obeya-huddle-util.h"
#include "obeya-kpi-tile.h"
#include "obeya-metric-category.h"
#include "obeya-metric-charts.h"
#include "obeya-metrics.h"
#include "obeya-standup-metrics.h"
#include "obeya-workspace.h"

/* Tiles on one line at most (six SQDCP metrics fit a 1920 pixel TV). */
#define MAX_TILES_PER_LINE 6
#define NARROW_TILES_PER_LINE 3

struct _ObeyaStandupMetrics
{
  GtkWidget       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  gboolean        interactive;
  gboolean        narrow;      /* a small screen: fewer tiles to a line */
  char           *category_id; /* the one category shown, NULL for all */
  char           *structure;   /* categories and metrics shown */
  char           *summary;
  GPtrArray      *tiles;       /* of ObeyaKpiTile */
  GPtrArray      *calendars;   /* of ObeyaChartWidget, one per category shown */

  GtkWidget      *stack;
  GtkWidget      *content;     /* the stack's page with the tiles and calendars */
  GtkWidget      *empty;       /* the stack's page without metrics */
  GtkWidget      *board;
  GtkWidget      *tiles_box;
  GtkWidget      *calendars_box;
};

G_DEFINE_FINAL_TYPE (ObeyaStandupMetrics, obeya_standup_metrics, GTK_TYPE_WIDGET)

/* The stand-up TV draws every chart with the high-contrast palettes. */
static void
set_charts_high_contrast (GtkWidget *widget)
{
  if (OBEYA_IS_CHART_WIDGET (widget))
    obeya_chart_widget_set_high_contrast (OBEYA_CHART_WIDGET (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_charts_high_contrast (child);
}

static void
tile_clicked_cb (ObeyaKpiTile        *tile,
                 ObeyaStandupMetrics *self)
{
  ObeyaMetric *metric = obeya_kpi_tile_get_metric (tile);

  gtk_widget_activate_action (GTK_WIDGET (self), "standup.raise-action", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (metric)));
}

static GtkWidget *
create_category (ObeyaStandupMetrics *self,
                 ObeyaMetricCategory *category)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *letter = gtk_label_new (obeya_metric_category_get_letter (category));
  GtkWidget *name = gtk_label_new (obeya_metric_category_get_name (category));
  ObeyaLetterCalendar *calendar = obeya_letter_calendar_new ();
  GtkWidget *widget = obeya_chart_widget_new (OBEYA_CHART (calendar));

  gtk_widget_add_css_class (letter, "obeya-letter-badge");
  gtk_box_append (GTK_BOX (heading), letter);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "obeya-standup-category");
  gtk_box_append (GTK_BOX (heading), name);
  gtk_box_append (GTK_BOX (box), heading);

  /* Day numbers that read from the back of the room. */
  obeya_chart_set_font_scale (OBEYA_CHART (calendar), 1.35);
  obeya_chart_widget_set_exportable (OBEYA_CHART_WIDGET (widget), FALSE);
  obeya_chart_widget_set_high_contrast (OBEYA_CHART_WIDGET (widget), TRUE);
  /* On the card's background, as the huddle view draws it. */
  obeya_chart_widget_set_transparent (OBEYA_CHART_WIDGET (widget), TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_size_request (widget, 160, 200);
  gtk_widget_add_css_class (widget, "obeya-standup-calendar");
  g_object_set_data_full (G_OBJECT (widget), "obeya-category", g_object_ref (category),
                          g_object_unref);
  g_object_set_data (G_OBJECT (widget), "obeya-badge", letter);
  gtk_box_append (GTK_BOX (box), widget);
  g_ptr_array_add (self->calendars, widget);
  g_object_unref (calendar);
  return box;
}

/* Puts the tiles in the grid, or moves them in it (in place, so a tile
 * keeps the keyboard focus). */
static void
attach_tiles (ObeyaStandupMetrics *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->tiles_box);
  guint per_line;
  /* A grid, not a flow box: six tiles stay on one line at 1366 pixels too,
   * each as wide as the screen allows. */
  if (self->category_id == NULL)
    per_line = CLAMP (self->tiles->len, 1,
                      self->narrow ? NARROW_TILES_PER_LINE : MAX_TILES_PER_LINE);
  else if (self->narrow)
    per_line = MIN (MAX (self->tiles->len, 1), 2);
  else
    /* Beside the calendar: three to a line, four when they would not fit in two lines. */
    per_line = self->tiles->len <= 6 ? MIN (MAX (self->tiles->len, 1), 3) : 4;
  for (guint i = 0; i < self->tiles->len; i++)
    {
      GtkWidget *tile = self->tiles->pdata[i];

      if (gtk_widget_get_parent (tile) == self->tiles_box)
        {
          GtkGridLayoutChild *child =
            GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, tile));

          gtk_grid_layout_child_set_column (child, (int) (i % per_line));
          gtk_grid_layout_child_set_row (child, (int) (i / per_line));
        }
      else
        gtk_grid_attach (GTK_GRID (self->tiles_box), tile, i % per_line, i / per_line, 1, 1);
    }
}

void
obeya_standup_metrics_set_narrow (ObeyaStandupMetrics *self,
                                  gboolean             narrow)
{
  g_return_if_fail (OBEYA_IS_STANDUP_METRICS (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  attach_tiles (self);
}

static void
rebuild (ObeyaStandupMetrics *self)
{
  GListModel *categories = obeya_metrics_get_categories (self->metrics);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->tiles_box)) != NULL)
    gtk_grid_remove (GTK_GRID (self->tiles_box), child);
  while ((child = gtk_widget_get_first_child (self->calendars_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->calendars_box), child);
  g_ptr_array_set_size (self->tiles, 0);
  g_ptr_array_set_size (self->calendars, 0);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (category));
      g_autoptr(GPtrArray) metrics = NULL;

      if (self->category_id != NULL && g_strcmp0 (id, self->category_id) != 0)
        continue;
      metrics = obeya_metrics_dup_category_metrics (self->metrics, id);
      if (metrics->len == 0)
        continue;
      for (guint m = 0; m < metrics->len; m++)
        {
          GtkWidget *tile = obeya_kpi_tile_new (metrics->pdata[m]);

          gtk_widget_add_css_class (tile, "obeya-standup-tile");
          set_charts_high_contrast (tile);
          if (self->interactive)
            {
              gtk_widget_set_tooltip_text (tile, _("Raise an action about this metric"));
              g_signal_connect (tile, "clicked", G_CALLBACK (tile_clicked_cb), self);
            }
          else
            {
              gtk_widget_set_can_target (tile, FALSE);
              gtk_widget_set_focusable (tile, FALSE);
            }
          gtk_widget_set_valign (tile, GTK_ALIGN_FILL);
          g_ptr_array_add (self->tiles, tile);
        }
      gtk_box_append (GTK_BOX (self->calendars_box), create_category (self, category));
    }
  attach_tiles (self);
}

static void
update_summary (ObeyaStandupMetrics *self)
{
  guint counts[4] = { 0, };  /* met, amber, missed, without a number */
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      ObeyaKpiTile *tile = self->tiles->pdata[i];

      obeya_kpi_tile_refresh (tile);
      switch (obeya_kpi_tile_get_status (tile))
        {
        case OBEYA_METRIC_STATUS_MET:
          counts[0]++;
          break;
        case OBEYA_METRIC_STATUS_AMBER:
          counts[1]++;
          break;
        case OBEYA_METRIC_STATUS_MISSED:
          counts[2]++;
          break;
        default:
          counts[3]++;
          break;
        }
    }

  /* Translators: the stand-up's summary of the huddle metrics: "4 met · 1 amber · 1 missed" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u met", "%u met", counts[0]),
                          counts[0]);
  if (counts[1] > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u amber", "%u amber",
                                                 counts[1]), counts[1]);
    }
  if (counts[2] > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed",
                                                 counts[2]), counts[2]);
    }
  if (counts[3] > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u without a number",
                                                 "%u without a number", counts[3]), counts[3]);
    }
  g_free (self->summary);
  self->summary = g_strdup (text->str);
}

static void
update_calendars (ObeyaStandupMetrics *self)
{
  ObeyaDay today = obeya_day_today ();
  int year, month;

  obeya_day_to_ymd (today, &year, &month, NULL);
  for (guint i = 0; i < self->calendars->len; i++)
    {
      GtkWidget *widget = self->calendars->pdata[i];
      ObeyaMetricCategory *category = g_object_get_data (G_OBJECT (widget), "obeya-category");
      GtkWidget *badge = g_object_get_data (G_OBJECT (widget), "obeya-badge");
      ObeyaChart *chart = obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (widget));
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (category));

      obeya_metric_charts_fill_letter_calendar (OBEYA_LETTER_CALENDAR (chart), self->metrics, id,
                                                year, month, today);
      obeya_chart_set_title (chart, NULL);
      /* The badge: today's status of the category, else the last day's. */
      obeya_huddle_util_set_status_class (badge,
                                          obeya_metrics_get_category_status (self->metrics, id,
                                                                             today, today));
    }
}

/* ---- public -------------------------------------------------------------------- */

void
obeya_standup_metrics_refresh (ObeyaStandupMetrics *self)
{
  g_autofree char *structure = NULL;

  g_return_if_fail (OBEYA_IS_STANDUP_METRICS (self));

  structure = obeya_huddle_util_dup_structure (self->metrics);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      rebuild (self);
    }
  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               self->tiles->len > 0 ? self->content : self->empty);

  update_summary (self);
  update_calendars (self);
}

const char *
obeya_standup_metrics_get_summary (ObeyaStandupMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_METRICS (self), NULL);
  return self->summary;
}

GtkWidget *
obeya_standup_metrics_get_tile (ObeyaStandupMetrics *self,
                                ObeyaMetric         *metric)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_METRICS (self), NULL);

  for (guint i = 0; i < self->tiles->len; i++)
    if (obeya_kpi_tile_get_metric (self->tiles->pdata[i]) == metric)
      return self->tiles->pdata[i];
  return NULL;
}

guint
obeya_standup_metrics_get_n_calendars (ObeyaStandupMetrics *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_METRICS (self), 0);
  return self->calendars->len;
}

/* ---- GObject --------------------------------------------------------------------- */

static void
obeya_standup_metrics_dispose (GObject *object)
{
  ObeyaStandupMetrics *self = OBEYA_STANDUP_METRICS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_standup_metrics_parent_class)->dispose (object);
}

static void
obeya_standup_metrics_finalize (GObject *object)
{
  ObeyaStandupMetrics *self = OBEYA_STANDUP_METRICS (object);

  g_free (self->structure);
  g_free (self->summary);
  g_free (self->category_id);

  G_OBJECT_CLASS (obeya_standup_metrics_parent_class)->finalize (object);
}

static void
obeya_standup_metrics_class_init (ObeyaStandupMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_standup_metrics_dispose;
  object_class->finalize = obeya_standup_metrics_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyastandupmetrics");
}

static void
obeya_standup_metrics_init (ObeyaStandupMetrics *self)
{
  self->tiles = g_ptr_array_new ();
  self->calendars = g_ptr_array_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->tiles_box = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->tiles_box), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (self->tiles_box), 16);
  gtk_grid_set_row_spacing (GTK_GRID (self->tiles_box), 16);
  gtk_widget_set_valign (self->tiles_box, GTK_ALIGN_START);

  self->calendars_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (self->calendars_box), TRUE);
  gtk_widget_set_vexpand (self->calendars_box, TRUE);

  self->empty = gtk_label_new (_("No huddle metrics yet: add them on the Daily Huddle page."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "obeya-standup-empty");
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
}

/* Every category: the tiles in a row over the calendars side by side. One
 * category: its calendar on the left half, its tiles on the right. More
 * tiles than the screen holds scroll rather than push the window off the
 * screen (the stand-up gives a page per category before that). */
static void
build_layout (ObeyaStandupMetrics *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* A scrollbar that stays: nobody hovers over the TV to find out that a
   * page goes on below. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  if (self->category_id == NULL)
    {
      self->board = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
      gtk_box_append (GTK_BOX (self->board), self->tiles_box);
      gtk_box_append (GTK_BOX (self->board), self->calendars_box);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->board);
      self->content = scrolled;
    }
  else
    {
      self->board = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);
      gtk_box_set_homogeneous (GTK_BOX (self->board), TRUE);
      gtk_box_append (GTK_BOX (self->board), self->calendars_box);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->tiles_box);
      gtk_box_append (GTK_BOX (self->board), scrolled);
      self->content = self->board;
    }
  gtk_widget_add_css_class (self->board, "obeya-standup-page");
  gtk_stack_add_child (GTK_STACK (self->stack), self->content);
}

GtkWidget *
obeya_standup_metrics_new (ObeyaWorkspace *workspace,
                           gboolean        interactive,
                           const char     *category_id)
{
  ObeyaStandupMetrics *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP_METRICS, NULL);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->interactive = interactive;
  self->category_id = g_strdup (category_id);
  build_layout (self);
  obeya_standup_metrics_refresh (self);
  return GTK_WIDGET (self);
}
