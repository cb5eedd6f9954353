/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-dialog-util.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-charts.h"
#include "obeya-link.h"
#include "obeya-metric-category.h"
#include "obeya-metric-import.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"
#include "obeya-window.h"

/* How far back a walk over due days may look (a weekly metric needs 7 days
 * a step; a long run of holidays more). */
#define MAX_LOOKBACK_DAYS 400

/* Takes @text; its spaces become no-break spaces. */
static char *
replace_spaces (char *text)
{
  GString *result;

  if (text == NULL || strchr (text, ' ') == NULL)
    return text;
  result = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (result, "\u00a0");
      else
        g_string_append_c (result, *p);
    }
  g_free (text);
  return g_string_free (result, FALSE);
}

/* ---- statuses ----------------------------------------------------------------- */

static const char * const status_classes[] = {
  [OBEYA_METRIC_STATUS_MET] = "met",
  [OBEYA_METRIC_STATUS_AMBER] = "amber",
  [OBEYA_METRIC_STATUS_MISSED] = "missed",
  [OBEYA_METRIC_STATUS_NO_DATA] = "no-data",
  [OBEYA_METRIC_STATUS_NO_TARGET] = "no-data",
  [OBEYA_METRIC_STATUS_FUTURE] = "future",
  [OBEYA_METRIC_STATUS_NON_WORKING] = "non-working",
};

const char *
obeya_huddle_util_status_class (ObeyaMetricStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_classes))
    return "no-data";
  return status_classes[status];
}

void
obeya_huddle_util_set_status_class (GtkWidget         *widget,
                                    ObeyaMetricStatus  status)
{
  const char *wanted = obeya_huddle_util_status_class (status);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    if (g_strcmp0 (status_classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, status_classes[i]);
  gtk_widget_add_css_class (widget, wanted);
}

/* ---- numbers -------------------------------------------------------------------- */

gboolean
obeya_huddle_util_parse_value (const char *text,
                               double     *value)
{
  g_autoptr(GString) clean = NULL;
  const char *p;
  const char *last_sep = NULL;
  guint n_dots = 0, n_commas = 0;
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;

  /* Keep digits, signs, exponents and separators; drop spaces (also the
   * no-break and thin spaces some locales group thousands with). */
  clean = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      if (c == 0x2212) /* minus sign */
        c = '-';
      if (c >= 0x80)
        return FALSE;
      if (c == '.')
        n_dots++;
      if (c == ',')
        n_commas++;
      g_string_append_c (clean, (char) c);
    }
  if (clean->len == 0)
    return FALSE;

  /* One separator of a kind is the decimal one; with both, the last one is
   * decimal and the others group thousands; repeated ones group thousands. */
  for (p = clean->str; *p != '\0'; p++)
    if (*p == '.' || *p == ',')
      last_sep = p;
  if (last_sep != NULL)
    {
      char decimal = *last_sep;
      gboolean grouping_only = (decimal == '.' ? n_dots : n_commas) > 1;
      g_autoptr(GString) number = g_string_new (NULL);

      for (p = clean->str; *p != '\0'; p++)
        {
          if (*p == '.' || *p == ',')
            {
              if (p == last_sep && !grouping_only)
                g_string_append_c (number, '.');
              continue;
            }
          g_string_append_c (number, *p);
        }
      g_string_assign (clean, number->str);
    }

  for (p = clean->str; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
      return FALSE;

  v = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0' || !isfinite (v) || fabs (v) > OBEYA_METRIC_VALUE_MAX)
    return FALSE;
  if (value)
    *value = v == 0. ? 0. : v; /* no "-0" */
  return TRUE;
}

char *
obeya_huddle_util_format_number (ObeyaMetric *metric,
                                 double       value)
{
  return g_strdup_printf ("%.*f", (int) obeya_metric_get_decimals (metric), value);
}

char *
obeya_huddle_util_dup_target_text (ObeyaMetric *metric,
                                   ObeyaDay     day)
{
  const ObeyaMetricTarget *target = obeya_metric_get_target_at (metric, day);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (target == NULL)
    return NULL;

  /* The parts of a target never break across lines. */
  switch (obeya_metric_get_direction (metric))
    {
    case OBEYA_METRIC_LOWER_IS_BETTER:
      a = obeya_metric_format_value (metric, target->target);
      /* Translators: a target of a lower-is-better metric, "≤ 5 items" */
      return replace_spaces (g_strdup_printf (_("≤ %s"), a));
    case OBEYA_METRIC_WITHIN_BAND:
      a = obeya_huddle_util_format_number (metric, target->min);
      b = obeya_metric_format_value (metric, target->max);
      /* Translators: a target band, "90–110 %" */
      return replace_spaces (g_strdup_printf (_("%s–%s"), a, b));
    case OBEYA_METRIC_HIGHER_IS_BETTER:
    default:
      a = obeya_metric_format_value (metric, target->target);
      /* Translators: a target of a higher-is-better metric, "≥ 420 invoices" */
      return replace_spaces (g_strdup_printf (_("≥ %s"), a));
    }
}

/* ---- days ----------------------------------------------------------------------- */

static GDateTime *
day_to_date_time (ObeyaDay day)
{
  int y, m, d;

  obeya_day_to_ymd (day, &y, &m, &d);
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

char *
obeya_huddle_util_format_day (ObeyaDay day,
                              ObeyaDay today)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, this_year;
  char *text;

  if (day == OBEYA_DAY_NONE)
    return g_strdup ("—");
  dt = day_to_date_time (day);
  if (dt == NULL)
    return obeya_day_to_string (day);
  obeya_day_to_ymd (day, &year, NULL, NULL);
  obeya_day_to_ymd (today, &this_year, NULL, NULL);
  if (year == this_year)
    /* Translators: a day in the huddle, "Wed 5 Nov" (strftime format) */
    text = g_date_time_format (dt, _("%a %-d %b"));
  else
    /* Translators: a day in the huddle of another year, "Wed 5 Nov 2025" (strftime format) */
    text = g_date_time_format (dt, _("%a %-d %b %Y"));
  /* A day never breaks across lines. */
  return replace_spaces (text);
}

char *
obeya_huddle_util_format_day_long (ObeyaDay day)
{
  g_autoptr(GDateTime) dt = day_to_date_time (day);

  if (dt == NULL)
    return obeya_day_to_string (day);
  /* Translators: "Wednesday, 5 November 2026" (strftime format) */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

ObeyaDay
obeya_huddle_util_get_review_day (ObeyaMetric *metric,
                                  ObeyaDay     today)
{
  ObeyaDay start;

  /* A week's number comes in during or after the week: until this week's
   * is in, the huddle looks at last week's. */
  if (obeya_metric_get_cadence (metric) == OBEYA_METRIC_CADENCE_WEEKLY)
    {
      ObeyaDay monday = obeya_metric_normalize_day (metric, today);

      return obeya_metric_get_entry (metric, monday) != NULL ? monday : monday - 7;
    }
  start = obeya_metric_is_due (metric, today) && obeya_metric_get_entry (metric, today) != NULL
          ? today : today - 1;
  for (ObeyaDay day = start; day > OBEYA_DAY_NONE && start - day < MAX_LOOKBACK_DAYS; day--)
    if (obeya_metric_is_due (metric, day))
      return day;
  return OBEYA_DAY_NONE;
}

/* ---- layout --------------------------------------------------------------------- */

char *
obeya_huddle_util_dup_structure (ObeyaMetrics *metrics)
{
  GListModel *categories = obeya_metrics_get_categories (metrics);
  GString *structure = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (category));
      g_autoptr(GPtrArray) list = obeya_metrics_dup_category_metrics (metrics, id);

      if (list->len == 0)
        continue;
      g_string_append_printf (structure, "%s/%s/%s:", id,
                              obeya_metric_category_get_name (category),
                              obeya_metric_category_get_letter (category));
      for (guint m = 0; m < list->len; m++)
        g_string_append_printf (structure, "%s,", obeya_entity_get_id (list->pdata[m]));
      g_string_append_c (structure, ';');
    }
  return g_string_free (structure, FALSE);
}

/* ---- actions ------------------------------------------------------------------------ */

gboolean
obeya_huddle_util_is_action (ObeyaCard *card)
{
  GListModel *links = obeya_card_get_links (card);

  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ObeyaLink) link = g_list_model_get_item (links, i);
      const char *kind = obeya_link_get_kind (link);

      if (g_strcmp0 (kind, OBEYA_LINK_KIND_METRIC) == 0 ||
          g_strcmp0 (kind, OBEYA_LINK_KIND_HUDDLE) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ObeyaCard *x = *(ObeyaCard **) a;
  ObeyaCard *y = *(ObeyaCard **) b;
  ObeyaDay today = GPOINTER_TO_UINT (user_data);
  gboolean x_over = obeya_card_is_overdue (x, today);
  gboolean y_over = obeya_card_is_overdue (y, today);
  ObeyaDay x_due = obeya_card_get_due (x);
  ObeyaDay y_due = obeya_card_get_due (y);
  gint64 x_created = obeya_card_get_created (x).seconds;
  gint64 y_created = obeya_card_get_created (y).seconds;

  /* Overdue first, then by due day (none last), then the oldest first. */
  if (x_over != y_over)
    return x_over ? -1 : 1;
  if (x_due != y_due)
    {
      if (x_due == OBEYA_DAY_NONE || y_due == OBEYA_DAY_NONE)
        return x_due == OBEYA_DAY_NONE ? 1 : -1;
      return x_due < y_due ? -1 : 1;
    }
  return (x_created > y_created) - (x_created < y_created);
}

GPtrArray *
obeya_huddle_util_dup_open_actions (ObeyaMetrics *metrics)
{
  ObeyaBoard *board = obeya_metrics_get_action_board (metrics);
  GPtrArray *actions = g_ptr_array_new ();
  GPtrArray *cards;

  if (board == NULL)
    return actions;
  cards = obeya_board_get_cards (board);
  for (guint i = 0; i < cards->len; i++)
    {
      ObeyaCard *card = cards->pdata[i];

      if (!obeya_card_get_archived (card) && !obeya_card_is_done (card) &&
          obeya_huddle_util_is_action (card))
        g_ptr_array_add (actions, card);
    }
  g_ptr_array_sort_with_data (actions, compare_actions, GUINT_TO_POINTER (obeya_day_today ()));
  return actions;
}

ObeyaMetric *
obeya_huddle_util_get_action_metric (ObeyaCard    *card,
                                     ObeyaMetrics *metrics,
                                     ObeyaDay     *day)
{
  GListModel *links = obeya_card_get_links (card);

  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ObeyaLink) link = g_list_model_get_item (links, i);
      g_autofree char *id = NULL;
      ObeyaDay missed = OBEYA_DAY_NONE;

      if (g_strcmp0 (obeya_link_get_kind (link), OBEYA_LINK_KIND_METRIC) != 0 ||
          !obeya_metric_parse_miss_link_target (obeya_link_get_target (link), &id, &missed))
        continue;
      if (day)
        *day = missed;
      return obeya_metrics_find_metric (metrics, id);
    }
  return NULL;
}

/* ---- windows ------------------------------------------------------------------------- */

void
obeya_huddle_util_init_dialog (GtkWindow *dialog,
                               GtkWindow *parent,
                               int        width,
                               int        height)
{
  gtk_window_set_modal (dialog, TRUE);
  if (parent != NULL)
    {
      int parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
      int parent_height = gtk_widget_get_height (GTK_WIDGET (parent));

      gtk_window_set_transient_for (dialog, parent);
      gtk_window_set_destroy_with_parent (dialog, TRUE);
      /* Leave a margin of the parent visible around the dialog. */
      if (parent_width > 0)
        width = MIN (width, MAX (parent_width - 48, 320));
      if (parent_height > 0)
        height = MIN (height, MAX (parent_height - 48, 240));
    }
  gtk_window_set_default_size (dialog, width, height);
}

void
obeya_huddle_util_toast (GtkWidget  *widget,
                         const char *message,
                         gboolean    with_undo)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  /* A message without Undo stays in a window that has its own toasts. */
  if (!with_undo && overlay != NULL && !OBEYA_IS_WINDOW (window))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
      return;
    }

  /* From a dialog: the main window it belongs to. */
  while (window != NULL && !OBEYA_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window != NULL)
    obeya_window_show_toast (OBEYA_WINDOW (window), message, with_undo);
  else
    g_debug ("%s", message);
}

typedef struct
{
  ObeyaMetrics *metrics;
  ObeyaMetric  *metric;
  ObeyaDay      first;
  ObeyaDay      last;
  GtkWidget    *widget;  /* unowned: the export lives no longer than it */
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->metrics);
  g_clear_object (&export->metric);
  g_free (export);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      csv = obeya_metrics_export_csv (export->metrics, export->metric, export->first, export->last);
      if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                   NULL, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          message = g_strdup_printf (_("Entries exported to “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Could not export the entries: %s"), error->message);
      obeya_huddle_util_toast (export->widget, message, FALSE);
    }
  /* Drops the chooser and this export. */
  g_object_set_data (G_OBJECT (export->widget), "obeya-export-chooser", NULL);
}

static void
chooser_destroy (gpointer data)
{
  gtk_native_dialog_destroy (data);
  g_object_unref (data);
}

void
obeya_huddle_util_export_csv (GtkWidget    *widget,
                              ObeyaMetrics *metrics,
                              ObeyaMetric  *metric,
                              ObeyaDay      first,
                              ObeyaDay      last)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Export *export = g_new0 (Export, 1);

  export->metrics = g_object_ref (metrics);
  export->metric = metric ? g_object_ref (metric) : NULL;
  export->first = first;
  export->last = last;
  export->widget = widget;

  chooser = gtk_file_chooser_native_new (_("Export Entries"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = metric ? g_strdup_printf ("%s.csv", obeya_metric_get_name (metric))
                : g_strdup (_("Huddle entries.csv"));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (export_response_cb), export,
                         (GClosureNotify) (void (*) (void)) export_free, 0);
  /* One export at a time per widget; it goes with the widget. */
  g_object_set_data_full (G_OBJECT (widget), "obeya-export-chooser", chooser, chooser_destroy);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObeyaMetric      *metric)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (metric));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0 || workspace == NULL)
    return;
  /* Translators: after deleting a metric: "“Overtime hours” deleted" */
  message = g_strdup_printf (_("“%s” deleted"), obeya_metric_get_name (metric));
  if (parent != NULL)
    obeya_huddle_util_toast (GTK_WIDGET (parent), message, TRUE);
  obeya_metrics_delete_metric (obeya_workspace_get_metrics (workspace), metric);
}

void
obeya_huddle_util_confirm_delete_metric (GtkWindow   *parent,
                                         ObeyaMetric *metric)
{
  guint n_entries = 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  obeya_metric_get_entries (metric, &n_entries);
  heading = g_strdup_printf (_("Delete “%s”?"), obeya_metric_get_name (metric));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u entry is deleted with it. Undo brings both back.",
                                       "Its %u entries are deleted with it. Undo brings all back.",
                                       n_entries), n_entries);
  dialog = obeya_dialog_new_confirm (parent, heading, body, "delete", _("_Delete"),
                                     ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         g_object_ref (metric), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- lists ---------------------------------------------------------------------------- */

GtkStringList *
obeya_huddle_util_name_list (GListModel *model,
                             const char *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      gtk_string_list_append (list, name ? name : "");
    }
  return list;
}
