/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "obeya-action-dialog.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-chart-widget.h"
#include "obeya-column.h"
#include "obeya-entry-form.h"
#include "obeya-huddle-settings.h"
#include "obeya-huddle-util.h"
#include "obeya-huddle-view.h"
#include "obeya-metric-charts.h"
#include "obeya-import-dialog.h"
#include "obeya-kpi-tile.h"
#include "obeya-metric-category.h"
#include "obeya-metric-editor.h"
#include "obeya-metric-window.h"
#include "obeya-metrics.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

/* The day changes at midnight while a wall display runs: look every minute. */
#define DAY_CHECK_SECONDS 60

/* Three calendars side by side at 1024 pixels, five at 1920. */
#define CALENDAR_WIDTH  196
#define CALENDAR_HEIGHT 280

#define MAX_TILES_PER_LINE 6

/* One column of the board: a category's calendar and tiles. */
typedef struct
{
  ObeyaMetricCategory *category;
  ObeyaLetterCalendar *calendar;
  GtkWidget           *calendar_widget;
  guint                focus_day;  /* the keyboard's day of the month, 1-based */
  gboolean             ring;       /* the day is ringed: the keyboard is in use */
  GtkWidget           *badge;
  GPtrArray           *tiles;     /* of ObeyaKpiTile, in the tiles flow box */
} Column;

struct _ObeyaHuddleView
{
  GtkWidget       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  int             year;
  int             month;
  ObeyaDay        today;
  char           *structure;  /* categories and metrics shown, to rebuild only when they change */
  GPtrArray      *columns;    /* of Column */
  GListStore     *actions;    /* of ObeyaCard */
  guint           refresh_idle;
  guint           day_timer;

  /* template */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkWidget      *scrolled;
  GtkLabel       *month_label;
  GtkLabel       *summary_label;
  GtkFlowBox     *tiles_box;
  GtkFlowBox     *calendars_box;
  GtkLabel       *actions_subtitle;
  GtkWidget      *raise_button;
  GtkListBox     *actions_list;
};

G_DEFINE_FINAL_TYPE (ObeyaHuddleView, obeya_huddle_view, GTK_TYPE_WIDGET)

enum {
  CARD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (ObeyaHuddleView *self);

static void
column_free (gpointer data)
{
  Column *column = data;

  g_clear_object (&column->category);
  g_clear_object (&column->calendar);
  g_clear_pointer (&column->tiles, g_ptr_array_unref);
  g_free (column);
}

static GtkWindow *
parent_window (ObeyaHuddleView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
writable (ObeyaHuddleView *self)
{
  return self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace);
}

/* ---- calendars --------------------------------------------------------------------- */

ObeyaDay
obeya_huddle_view_calendar_day_at (ObeyaHuddleView *self,
                                   GtkWidget       *calendar,
                                   double           x,
                                   double           y)
{
  ObeyaChart *chart;
  int n_days;

  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), OBEYA_DAY_NONE);
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (calendar), OBEYA_DAY_NONE);

  chart = obeya_chart_widget_get_chart (OBEYA_CHART_WIDGET (calendar));
  if (!OBEYA_IS_LETTER_CALENDAR (chart))
    return OBEYA_DAY_NONE;
  n_days = obeya_days_in_month (self->year, self->month);
  for (int day = 1; day <= n_days; day++)
    {
      ObeyaChartRect rect;

      if (obeya_letter_calendar_get_day_rect (OBEYA_LETTER_CALENDAR (chart), (guint) day, &rect) &&
          x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return obeya_day_from_ymd (self->year, self->month, day);
    }
  return OBEYA_DAY_NONE;
}

ObeyaDay
obeya_huddle_view_calendar_focus_day (ObeyaHuddleView *self,
                                      GtkWidget       *calendar)
{
  Column *column;

  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), OBEYA_DAY_NONE);
  g_return_val_if_fail (OBEYA_IS_CHART_WIDGET (calendar), OBEYA_DAY_NONE);

  column = g_object_get_data (G_OBJECT (calendar), "obeya-column");
  if (column == NULL || column->focus_day == 0)
    return OBEYA_DAY_NONE;
  return obeya_day_from_ymd (self->year, self->month, (int) column->focus_day);
}

static void
calendar_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ObeyaHuddleView *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ObeyaDay day = obeya_huddle_view_calendar_day_at (self, calendar, x, y);
  Column *column = g_object_get_data (G_OBJECT (calendar), "obeya-column");
  char buf[OBEYA_DAY_BUF_SIZE];
  int day_of_month;

  /* The keys carry on from the day clicked. */
  if (day != OBEYA_DAY_NONE && column != NULL)
    {
      obeya_day_to_ymd (day, NULL, NULL, &day_of_month);
      column->focus_day = (guint) day_of_month;
    }
  gtk_widget_grab_focus (calendar);
  /* No ring for the mouse; the next arrow key brings it back. */
  if (column != NULL)
    column->ring = FALSE;
  gtk_widget_queue_draw (calendar);
  if (day == OBEYA_DAY_NONE || day > self->today)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "huddle.open-day", "s",
                              obeya_day_format (day, buf));
}

/* "Tuesday, 4 November 2026: Missed": a day of a category's calendar. */
static char *
dup_day_text (ObeyaHuddleView *self,
              Column          *column,
              ObeyaDay         day)
{
  g_autofree char *day_text = obeya_huddle_util_format_day_long (day);
  ObeyaMetricStatus status;

  if (day > self->today)
    return g_steal_pointer (&day_text);
  status = obeya_metrics_get_category_status (self->metrics,
                                              obeya_entity_get_id (OBEYA_ENTITY (column->category)),
                                              day, self->today);
  /* Translators: tooltip of a letter calendar's day: "Tuesday, 4 November 2026: Missed" */
  return g_strdup_printf (_("%s: %s"), day_text, obeya_metric_status_get_label (status));
}

static gboolean
calendar_query_tooltip_cb (GtkWidget       *calendar,
                           int              x,
                           int              y,
                           gboolean         keyboard,
                           GtkTooltip      *tooltip,
                           ObeyaHuddleView *self)
{
  Column *column = g_object_get_data (G_OBJECT (calendar), "obeya-column");
  ObeyaDay day;
  g_autofree char *text = NULL;

  if (column == NULL || self->metrics == NULL)
    return FALSE;
  if (keyboard && column->focus_day > 0)
    day = obeya_day_from_ymd (self->year, self->month, (int) column->focus_day);
  else
    day = obeya_huddle_view_calendar_day_at (self, calendar, x, y);
  if (day == OBEYA_DAY_NONE)
    return FALSE;
  text = dup_day_text (self, column, day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Keyboard: the calendar is one focus stop; the arrows walk its days (Up
 * and Down by a week, Home and End to the month's ends), Page Up and Page
 * Down change the month, Enter or Space opens the day's numbers. The day is
 * ringed (computed at each draw, from the cells of that draw) and read out
 * as the calendar's accessible description. */
static gboolean
calendar_focus_rect_cb (ObeyaChartWidget *widget,
                        graphene_rect_t  *rect,
                        gpointer          user_data)
{
  Column *column = g_object_get_data (G_OBJECT (widget), "obeya-column");
  ObeyaChartRect cell;

  if (column == NULL || !column->ring || column->focus_day == 0 ||
      !obeya_letter_calendar_get_day_rect (column->calendar, column->focus_day, &cell))
    return FALSE;
  graphene_rect_init (rect, cell.x, cell.y, cell.width, cell.height);
  return TRUE;
}

static void
show_focus_day (ObeyaHuddleView *self,
                Column          *column)
{
  g_autofree char *text = NULL;
  guint n_days = (guint) obeya_days_in_month (self->year, self->month);

  gtk_widget_queue_draw (column->calendar_widget);
  if (column->focus_day == 0 || self->metrics == NULL)
    return;
  column->focus_day = MIN (column->focus_day, n_days);
  text = dup_day_text (self, column,
                       obeya_day_from_ymd (self->year, self->month, (int) column->focus_day));
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->calendar_widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Where the keys start: today when this is the month on show, else the 1st. */
static void
start_focus_day (ObeyaHuddleView *self,
                 Column          *column)
{
  int year, month, day;

  if (column->focus_day != 0)
    return;
  obeya_day_to_ymd (self->today, &year, &month, &day);
  column->focus_day = year == self->year && month == self->month ? (guint) day : 1;
}

/* The calendar itself took or lost the focus (not its export button). */
static void
calendar_is_focus_cb (GtkEventControllerFocus *controller,
                      GParamSpec              *pspec,
                      ObeyaHuddleView         *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Column *column = g_object_get_data (G_OBJECT (calendar), "obeya-column");

  if (column == NULL)
    return;
  /* The property changes before the window's focus widget does. */
  if (gtk_event_controller_focus_is_focus (controller) || gtk_widget_is_focus (calendar))
    {
      start_focus_day (self, column);
      column->ring = TRUE;
    }
  show_focus_day (self, column);
}

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         ObeyaHuddleView       *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Column *column = g_object_get_data (G_OBJECT (calendar), "obeya-column");
  int n_days = obeya_days_in_month (self->year, self->month);
  int day;

  /* Only its own keys: not those of its export button. */
  if (column == NULL || !gtk_widget_is_focus (calendar) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  start_focus_day (self, column);
  day = (int) column->focus_day;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: day -= 1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: day += 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: day -= 7; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: day += 7; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home: day = 1; break;
    case GDK_KEY_End: case GDK_KEY_KP_End: day = n_days; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "huddle.previous-month", NULL);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      gtk_widget_activate_action (GTK_WIDGET (self), "huddle.next-month", NULL);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      {
        ObeyaDay target = obeya_day_from_ymd (self->year, self->month, day);
        char buf[OBEYA_DAY_BUF_SIZE];

        if (target > self->today)
          gtk_widget_error_bell (calendar);
        else
          gtk_widget_activate_action (GTK_WIDGET (self), "huddle.open-day", "s",
                                      obeya_day_format (target, buf));
        return TRUE;
      }
    default:
      return FALSE;
    }
  column->focus_day = (guint) CLAMP (day, 1, n_days);
  column->ring = TRUE;
  show_focus_day (self, column);
  return TRUE;
}

static void
update_calendar (ObeyaHuddleView *self,
                 Column          *column)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (self->year, self->month, 1, 12, 0, 0);
  g_autofree char *month = dt ? g_date_time_format (dt, _("%B %Y")) : NULL;
  g_autofree char *name = NULL;

  obeya_metric_charts_fill_letter_calendar (column->calendar, self->metrics,
                                            obeya_entity_get_id (OBEYA_ENTITY (column->category)),
                                            self->year, self->month, self->today);
  /* The column's heading names the category and the month. */
  obeya_chart_set_title (OBEYA_CHART (column->calendar), NULL);
  /* Translators: the file name of an exported letter calendar: "Safety, November 2026" */
  name = g_strdup_printf (_("%s, %s"), obeya_metric_category_get_name (column->category),
                          month ? month : "");
  obeya_chart_widget_set_export_name (OBEYA_CHART_WIDGET (column->calendar_widget), name);
  obeya_chart_set_title (OBEYA_CHART (column->calendar), NULL);
  show_focus_day (self, column);
}

/* ---- columns --------------------------------------------------------------------------- */

static void
tile_clicked_cb (ObeyaKpiTile    *tile,
                 ObeyaHuddleView *self)
{
  ObeyaMetric *metric = obeya_kpi_tile_get_metric (tile);

  gtk_widget_activate_action (GTK_WIDGET (self), "huddle.open-metric", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (metric)));
}

/* A category's heading: its letter and name. */
static GtkWidget *
create_heading (Column    *column,
                GtkWidget **badge)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *letter = gtk_label_new (obeya_metric_category_get_letter (column->category));
  GtkWidget *name = gtk_label_new (obeya_metric_category_get_name (column->category));

  gtk_widget_add_css_class (letter, "obeya-letter-badge");
  gtk_widget_set_valign (letter, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), letter);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  if (badge != NULL)
    *badge = letter;
  return header;
}

/* The category's tiles, in the order of the categories. */
static void
add_tiles (ObeyaHuddleView *self,
           Column          *column,
           GPtrArray       *category_metrics)
{
  for (guint i = 0; i < category_metrics->len; i++)
    {
      GtkWidget *tile = obeya_kpi_tile_new (category_metrics->pdata[i]);

      g_signal_connect (tile, "clicked", G_CALLBACK (tile_clicked_cb), self);
      gtk_flow_box_append (self->tiles_box, tile);
      /* The tile takes the focus, not the flow box's cell. */
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
      g_ptr_array_add (column->tiles, tile);
    }
}

/* The category's letter calendar, under its heading. */
static GtkWidget *
create_calendar (ObeyaHuddleView *self,
                 Column          *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkGesture *click;
  GtkEventController *key;
  GtkEventController *focus;

  gtk_widget_add_css_class (box, "obeya-category");
  gtk_box_append (GTK_BOX (box), create_heading (column, &column->badge));

  column->calendar = obeya_letter_calendar_new ();
  column->calendar_widget = obeya_chart_widget_new (OBEYA_CHART (column->calendar));
  obeya_chart_widget_set_transparent (OBEYA_CHART_WIDGET (column->calendar_widget), TRUE);
  gtk_widget_add_css_class (column->calendar_widget, "card");
  gtk_widget_add_css_class (column->calendar_widget, "obeya-calendar");
  gtk_widget_set_size_request (column->calendar_widget, CALENDAR_WIDTH, CALENDAR_HEIGHT);
  gtk_widget_set_cursor_from_name (column->calendar_widget, "pointer");
  gtk_widget_set_has_tooltip (column->calendar_widget, TRUE);
  g_object_set_data (G_OBJECT (column->calendar_widget), "obeya-column", column);
  g_signal_connect (column->calendar_widget, "query-tooltip",
                    G_CALLBACK (calendar_query_tooltip_cb), self);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (calendar_released_cb), self);
  gtk_widget_add_controller (column->calendar_widget, GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (column->calendar_widget, TRUE);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self);
  gtk_widget_add_controller (column->calendar_widget, key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "notify::is-focus", G_CALLBACK (calendar_is_focus_cb), self);
  gtk_widget_add_controller (column->calendar_widget, focus);
  obeya_chart_widget_set_focus_func (OBEYA_CHART_WIDGET (column->calendar_widget),
                                     calendar_focus_rect_cb, NULL);
  gtk_box_append (GTK_BOX (box), column->calendar_widget);
  return box;
}

/* The categories with metrics and their metrics, as one string. */
static char *
dup_structure (ObeyaHuddleView *self)
{
  return obeya_huddle_util_dup_structure (self->metrics);
}

static void
rebuild_columns (ObeyaHuddleView *self)
{
  GListModel *categories = obeya_metrics_get_categories (self->metrics);
  GtkWidget *child;
  guint n_tiles = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box))) != NULL)
    gtk_flow_box_remove (self->tiles_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calendars_box))) != NULL)
    gtk_flow_box_remove (self->calendars_box, child);
  g_ptr_array_set_size (self->columns, 0);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, i);
      g_autoptr(GPtrArray) metrics = NULL;
      Column *column;
      GtkWidget *widget;

      metrics = obeya_metrics_dup_category_metrics (self->metrics,
                                                    obeya_entity_get_id (OBEYA_ENTITY (category)));
      if (metrics->len == 0)
        continue;
      column = g_new0 (Column, 1);
      column->category = g_object_ref (category);
      column->tiles = g_ptr_array_new ();
      add_tiles (self, column, metrics);
      n_tiles += metrics->len;
      /* The calendar takes the focus, not the flow box's cell. */
      widget = create_calendar (self, column);
      gtk_flow_box_append (self->calendars_box, widget);
      gtk_widget_set_focusable (gtk_widget_get_parent (widget), FALSE);
      g_ptr_array_add (self->columns, column);
    }
  gtk_flow_box_set_max_children_per_line (self->tiles_box, CLAMP (n_tiles, 1, MAX_TILES_PER_LINE));
  gtk_flow_box_set_max_children_per_line (self->calendars_box, MAX (self->columns->len, 1));
}

/* ---- tiles and summary -------------------------------------------------------------------- */

static int
status_rank (ObeyaMetricStatus status)
{
  switch (status)
    {
    case OBEYA_METRIC_STATUS_MISSED:
      return 3;
    case OBEYA_METRIC_STATUS_AMBER:
      return 2;
    case OBEYA_METRIC_STATUS_MET:
      return 0;
    default:
      return 1;
    }
}

static void
update_tiles (ObeyaHuddleView *self)
{
  guint met = 0, amber = 0, missed = 0, no_data = 0;
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = self->columns->pdata[c];
      ObeyaMetricStatus worst = OBEYA_METRIC_STATUS_MET;
      gboolean any = FALSE;

      for (guint t = 0; t < column->tiles->len; t++)
        {
          GtkWidget *tile = column->tiles->pdata[t];
          ObeyaMetricStatus status;

          obeya_kpi_tile_refresh (OBEYA_KPI_TILE (tile));
          status = obeya_kpi_tile_get_status (OBEYA_KPI_TILE (tile));
          if (!any || status_rank (status) > status_rank (worst))
            worst = status;
          any = TRUE;
          switch (status)
            {
            case OBEYA_METRIC_STATUS_MET:
              met++;
              break;
            case OBEYA_METRIC_STATUS_AMBER:
              amber++;
              break;
            case OBEYA_METRIC_STATUS_MISSED:
              missed++;
              break;
            default:
              no_data++;
              break;
            }
        }
      obeya_huddle_util_set_status_class (column->badge, worst);
    }

  /* Translators: the huddle's summary of its tiles: "4 met · 1 amber · 1 missed · 1 without a number" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u met", "%u met", met), met);
  if (amber > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u amber", "%u amber", amber),
                              amber);
    }
  if (missed > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed",
                                                    missed), missed);
    }
  if (no_data > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u without a number",
                                                    "%u without a number", no_data), no_data);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

/* ---- actions log -------------------------------------------------------------------------- */

static void
action_row_activated_cb (AdwActionRow    *row,
                         ObeyaHuddleView *self)
{
  ObeyaCard *card = g_object_get_data (G_OBJECT (row), "obeya-card");

  if (card != NULL)
    g_signal_emit (self, signals[CARD_ACTIVATED], 0, card);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  ObeyaHuddleView *self = user_data;
  ObeyaCard *card = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *due;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char * const *assignees = obeya_card_get_assignees (card);
  ObeyaDay due_day = obeya_card_get_due (card);
  ObeyaDay missed_day = OBEYA_DAY_NONE;
  ObeyaMetric *metric = obeya_huddle_util_get_action_metric (card, self->metrics, &missed_day);
  ObeyaColumn *column = obeya_card_get_column (card);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), obeya_card_get_title (card));
  g_object_set_data_full (G_OBJECT (row), "obeya-card", g_object_ref (card), g_object_unref);
  gtk_widget_add_css_class (row, "obeya-action");

  for (guint i = 0; assignees != NULL && assignees[i] != NULL; i++)
    {
      ObeyaPerson *person = obeya_workspace_find_person (self->workspace, assignees[i]);

      if (person == NULL)
        continue;
      if (subtitle->len > 0)
        g_string_append (subtitle, ", ");
      g_string_append (subtitle, obeya_person_get_name (person));
    }
  if (subtitle->len == 0)
    g_string_append (subtitle, _("No owner"));
  if (column != NULL)
    g_string_append_printf (subtitle, " · %s", obeya_column_get_name (column));
  if (metric != NULL)
    {
      g_autofree char *day = obeya_huddle_util_format_day (missed_day, self->today);

      /* Translators: where a huddle action came from: "from Invoices processed, Mon 13 Oct" */
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("from %s, %s"), obeya_metric_get_name (metric), day);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (due_day != OBEYA_DAY_NONE)
    {
      g_autofree char *day = obeya_format_due_date (due_day, self->today);
      g_autofree char *text = NULL;
      GtkWidget *icon;

      due = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (due, "obeya-due");
      if (obeya_card_is_overdue (card, self->today))
        {
          /* Translators: an overdue action, with its due day: "Overdue · 3 Nov" */
          text = g_strdup_printf (_("Overdue · %s"), day);
          icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");
          gtk_box_append (GTK_BOX (due), icon);
          gtk_widget_add_css_class (due, "overdue");
          gtk_widget_add_css_class (row, "overdue");
        }
      else
        {
          /* Translators: the due day of an action: "Due 7 Nov" */
          text = g_strdup_printf (_("Due %s"), day);
          if (obeya_card_is_due_soon (card, self->today))
            gtk_widget_add_css_class (due, "due-soon");
        }
      gtk_box_append (GTK_BOX (due), gtk_label_new (text));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (action_row_activated_cb), self);
  return row;
}

static void
update_actions_log (ObeyaHuddleView *self)
{
  ObeyaBoard *board = obeya_metrics_get_action_board (self->metrics);
  g_autoptr(GPtrArray) actions = obeya_huddle_util_dup_open_actions (self->metrics);
  guint overdue = 0;

  for (guint i = 0; i < actions->len; i++)
    overdue += obeya_card_is_overdue (actions->pdata[i], self->today);
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       actions->pdata, actions->len);

  if (board == NULL)
    gtk_label_set_text (self->actions_subtitle,
                        _("Choose the board that receives the huddle’s actions in Huddle Settings."));
  else
    {
      g_autofree char *text = NULL;

      if (overdue > 0)
        /* Translators: under "Open Actions": "Cards on “Accounts payable” · 2 overdue" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cards on “%s” · %u overdue",
                                             "Cards on “%s” · %u overdue", overdue),
                                obeya_board_get_name (board), overdue);
      else
        text = g_strdup_printf (_("Cards on “%s”"), obeya_board_get_name (board));
      gtk_label_set_text (self->actions_subtitle, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.raise-action",
                                 board != NULL && writable (self));
}

/* ---- refresh ------------------------------------------------------------------------------- */

static void
update_month_label (ObeyaHuddleView *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (self->year, self->month, 1, 12, 0, 0);
  g_autofree char *text = dt ? g_date_time_format (dt, _("%B %Y")) : NULL;
  int year, month;

  gtk_label_set_text (self->month_label, text ? text : "");
  obeya_day_to_ymd (self->today, &year, &month, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.this-month",
                                 year != self->year || month != self->month);
}

static void
update_action_states (ObeyaHuddleView *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean can_write = writable (self);
  gboolean has_metrics = self->metrics != NULL &&
                         g_list_model_get_n_items (obeya_metrics_get_metrics (self->metrics)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.enter-numbers", can_write && has_metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.open-day", has_metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.open-metric", has_metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.new-metric", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.edit-metric", can_write && has_metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.import", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.export", has_metrics);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "huddle.settings", has_workspace);
}

static void
refresh (ObeyaHuddleView *self)
{
  g_autofree char *structure = NULL;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->today = obeya_day_today ();
  update_action_states (self);

  if (self->metrics == NULL || g_list_model_get_n_items (obeya_metrics_get_metrics (self->metrics)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (self->columns->len > 0)
        {
          g_clear_pointer (&self->structure, g_free);
          rebuild_columns (self);
        }
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "board");

  structure = dup_structure (self);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      rebuild_columns (self);
    }
  for (guint i = 0; i < self->columns->len; i++)
    update_calendar (self, self->columns->pdata[i]);
  update_tiles (self);
  update_month_label (self);
  update_actions_log (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ObeyaHuddleView *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ObeyaHuddleView *self)
{
  /* Before GTK lays out and draws the next frame. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static gboolean
day_timer_cb (gpointer user_data)
{
  ObeyaHuddleView *self = user_data;
  ObeyaDay today = obeya_day_today ();

  if (today != self->today && self->workspace != NULL)
    {
      int old_year, old_month;

      /* Showing this month: follow it into the next one. */
      obeya_day_to_ymd (self->today, &old_year, &old_month, NULL);
      if (old_year == self->year && old_month == self->month)
        obeya_day_to_ymd (today, &self->year, &self->month, NULL);
      refresh (self);
    }
  return G_SOURCE_CONTINUE;
}

/* ---- public ----------------------------------------------------------------------------------- */

ObeyaWorkspace *
obeya_huddle_view_get_workspace (ObeyaHuddleView *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), NULL);
  return self->workspace;
}

void
obeya_huddle_view_set_workspace (ObeyaHuddleView *self,
                                 ObeyaWorkspace  *workspace)
{
  g_return_if_fail (OBEYA_IS_HUDDLE_VIEW (self));
  g_return_if_fail (workspace == NULL || OBEYA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (obeya_metrics_get_metrics (self->metrics), self);
    }
  g_list_store_remove_all (self->actions);
  g_set_object (&self->workspace, workspace);
  self->metrics = workspace ? obeya_workspace_get_metrics (workspace) : NULL;
  g_clear_pointer (&self->structure, g_free);
  if (self->columns->len > 0)
    rebuild_columns (self);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (schedule_refresh), self);
      g_signal_connect_swapped (obeya_metrics_get_metrics (self->metrics), "items-changed",
                                G_CALLBACK (schedule_refresh), self);
    }
  refresh (self);
}

void
obeya_huddle_view_get_month (ObeyaHuddleView *self,
                             int             *year,
                             int             *month)
{
  g_return_if_fail (OBEYA_IS_HUDDLE_VIEW (self));

  if (year)
    *year = self->year;
  if (month)
    *month = self->month;
}

void
obeya_huddle_view_set_month (ObeyaHuddleView *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (OBEYA_IS_HUDDLE_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->year == year && self->month == month)
    return;
  self->year = year;
  self->month = month;
  update_month_label (self);
  if (self->metrics != NULL)
    for (guint i = 0; i < self->columns->len; i++)
      update_calendar (self, self->columns->pdata[i]);
}

gboolean
obeya_huddle_view_can_enter_numbers (ObeyaHuddleView *self)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), FALSE);

  return writable (self) &&
         g_list_model_get_n_items (obeya_metrics_get_metrics (self->metrics)) > 0;
}

GtkWidget *
obeya_huddle_view_get_tile (ObeyaHuddleView *self,
                            ObeyaMetric     *metric)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = self->columns->pdata[c];

      for (guint t = 0; t < column->tiles->len; t++)
        if (obeya_kpi_tile_get_metric (column->tiles->pdata[t]) == metric)
          return column->tiles->pdata[t];
    }
  return NULL;
}

GtkWidget *
obeya_huddle_view_get_calendar (ObeyaHuddleView *self,
                                const char      *category_id)
{
  g_return_val_if_fail (OBEYA_IS_HUDDLE_VIEW (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = self->columns->pdata[c];

      if (g_strcmp0 (obeya_entity_get_id (OBEYA_ENTITY (column->category)), category_id) == 0)
        return column->calendar_widget;
    }
  return NULL;
}

/* ---- actions ------------------------------------------------------------------------------------ */

static void
present_entry_form (ObeyaHuddleView *self,
                    ObeyaDay         day)
{
  GtkWidget *form = obeya_entry_form_new (parent_window (self), self->workspace, day);

  gtk_window_present (GTK_WINDOW (form));
}

static void
enter_numbers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->workspace != NULL)
    present_entry_form (self, obeya_day_today ());
}

static void
open_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);
  ObeyaDay day;

  if (self->workspace != NULL && obeya_day_parse (g_variant_get_string (parameter, NULL), &day))
    present_entry_form (self, day);
}

static void
open_metric_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);
  ObeyaMetric *metric;

  if (self->metrics == NULL)
    return;
  metric = obeya_metrics_find_metric (self->metrics, g_variant_get_string (parameter, NULL));
  if (metric != NULL)
    gtk_window_present (GTK_WINDOW (obeya_metric_window_new (parent_window (self), metric)));
}

static void
new_metric_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_metric_editor_new (parent_window (self),
                                                             self->workspace, NULL)));
}

static void
edit_metric_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);
  ObeyaMetric *metric;

  if (self->metrics == NULL)
    return;
  metric = obeya_metrics_find_metric (self->metrics, g_variant_get_string (parameter, NULL));
  if (metric != NULL)
    gtk_window_present (GTK_WINDOW (obeya_metric_editor_new (parent_window (self),
                                                             self->workspace, metric)));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_import_dialog_new (parent_window (self),
                                                             self->workspace)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->metrics != NULL)
    obeya_huddle_util_export_csv (widget, self->metrics, NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_huddle_settings_new (parent_window (self),
                                                               self->workspace)));
}

static void
raise_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_action_dialog_new (parent_window (self),
                                                             self->workspace, NULL,
                                                             OBEYA_DAY_NONE)));
}

static void
step_month (ObeyaHuddleView *self,
            int              delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  obeya_huddle_view_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  step_month (OBEYA_HUDDLE_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_month (OBEYA_HUDDLE_VIEW (widget), 1);
}

static void
this_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (widget);
  int year, month;

  obeya_day_to_ymd (obeya_day_today (), &year, &month, NULL);
  obeya_huddle_view_set_month (self, year, month);
}

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
obeya_huddle_view_dispose (GObject *object)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_handle_id (&self->day_timer, g_source_remove);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (obeya_metrics_get_metrics (self->metrics), self);
    }
  if (self->actions_list != NULL)
    gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_HUDDLE_VIEW);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_huddle_view_parent_class)->dispose (object);
}

static void
obeya_huddle_view_finalize (GObject *object)
{
  ObeyaHuddleView *self = OBEYA_HUDDLE_VIEW (object);

  g_clear_pointer (&self->structure, g_free);

  G_OBJECT_CLASS (obeya_huddle_view_parent_class)->finalize (object);
}

static void
obeya_huddle_view_class_init (ObeyaHuddleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_huddle_view_dispose;
  object_class->finalize = obeya_huddle_view_finalize;

  /**
   * ObeyaHuddleView::card-activated:
   * @card: the card of the action
   *
   * An action of the log was activated: the window shows the card.
   */
  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBEYA_TYPE_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-huddle-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaHuddleView, name)
  BIND (stack);
  BIND (empty_page);
  BIND (scrolled);
  BIND (month_label);
  BIND (summary_label);
  BIND (tiles_box);
  BIND (calendars_box);
  BIND (actions_subtitle);
  BIND (raise_button);
  BIND (actions_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "huddle.enter-numbers", NULL, enter_numbers_action);
  gtk_widget_class_install_action (widget_class, "huddle.open-day", "s", open_day_action);
  gtk_widget_class_install_action (widget_class, "huddle.open-metric", "s", open_metric_action);
  gtk_widget_class_install_action (widget_class, "huddle.new-metric", NULL, new_metric_action);
  gtk_widget_class_install_action (widget_class, "huddle.edit-metric", "s", edit_metric_action);
  gtk_widget_class_install_action (widget_class, "huddle.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "huddle.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "huddle.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "huddle.raise-action", NULL, raise_action_action);
  gtk_widget_class_install_action (widget_class, "huddle.previous-month", NULL,
                                   previous_month_action);
  gtk_widget_class_install_action (widget_class, "huddle.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "huddle.this-month", NULL, this_month_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "huddle.enter-numbers", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyahuddle");
}

static void
obeya_huddle_view_init (ObeyaHuddleView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->actions = g_list_store_new (OBEYA_TYPE_CARD);
  self->today = obeya_day_today ();
  obeya_day_to_ymd (self->today, &self->year, &self->month, NULL);

  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->actions), create_action_row,
                           self, NULL);
  placeholder = gtk_label_new (_("No open actions. When a number misses its target, raise one: "
                                 "it becomes a card on the action board."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "obeya-placeholder");
  gtk_list_box_set_placeholder (self->actions_list, placeholder);

  self->day_timer = g_timeout_add_seconds (DAY_CHECK_SECONDS, day_timer_cb, self);
  update_month_label (self);
  update_action_states (self);
}

GtkWidget *
obeya_huddle_view_new (void)
{
  return g_object_new (OBEYA_TYPE_HUDDLE_VIEW, NULL);
}
