/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-action-dialog.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-huddle-util.h"
#include "obeya-metrics.h"
#include "obeya-workspace.h"

#define DEFAULT_DUE_DAYS 7

struct _ObeyaActionDialog
{
  AdwWindow       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  ObeyaDay        day;  /* the miss, when a metric is chosen */
  ObeyaDay        due;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget      *raise_button;
  AdwEntryRow    *title_row;
  AdwComboRow    *owner_row;
  GtkMenuButton  *due_button;
  GtkCalendar    *due_calendar;
  AdwComboRow    *metric_row;
};

G_DEFINE_FINAL_TYPE (ObeyaActionDialog, obeya_action_dialog, ADW_TYPE_WINDOW)

static void
update_due_label (ObeyaActionDialog *self)
{
  g_autofree char *text = obeya_huddle_util_format_day (self->due, obeya_day_today ());

  gtk_menu_button_set_label (self->due_button, text);
}

static void
due_selected_cb (ObeyaActionDialog *self,
                 GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  self->due = obeya_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                  g_date_time_get_day_of_month (dt));
  update_due_label (self);
  gtk_menu_button_popdown (self->due_button);
}

static ObeyaMetric *
selected_metric (ObeyaActionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->metric_row);
  g_autoptr(ObeyaMetric) metric = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  metric = g_list_model_get_item (obeya_metrics_get_metrics (self->metrics), selected - 1);
  return metric; /* the metrics keep it */
}

ObeyaCard *
obeya_action_dialog_raise (ObeyaActionDialog *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaMetric *metric;
  ObeyaCard *card;
  const char *owner_id = NULL;
  guint owner = adw_combo_row_get_selected (self->owner_row);
  ObeyaDay today = obeya_day_today ();

  g_return_val_if_fail (OBEYA_IS_ACTION_DIALOG (self), NULL);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return NULL;
    }
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0)
    {
      g_autoptr(ObeyaEntity) person =
        g_list_model_get_item (obeya_workspace_get_people (self->workspace), owner - 1);

      if (person != NULL)
        owner_id = obeya_entity_get_id (person);
    }
  metric = selected_metric (self);

  card = obeya_metrics_raise_action (self->metrics, title, owner_id, self->due, metric,
                                     metric ? (self->day ? self->day
                                                         : obeya_huddle_util_get_review_day (metric, today))
                                            : OBEYA_DAY_NONE,
                                     &error);

  if (card == NULL)
    {
      obeya_huddle_util_toast (GTK_WIDGET (self), error->message, FALSE);
      return NULL;
    }
  {
    ObeyaBoard *board = obeya_card_get_board (card);
    /* Translators: after raising an action: "Action added to “Accounts payable”" */
    g_autofree char *message = g_strdup_printf (_("Action added to “%s”"),
                                                obeya_board_get_name (board));

    obeya_huddle_util_toast (GTK_WIDGET (self), message, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (self));
  return card;
}

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  obeya_action_dialog_raise (OBEYA_ACTION_DIALOG (widget));
}

static void
obeya_action_dialog_dispose (GObject *object)
{
  ObeyaActionDialog *self = OBEYA_ACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_ACTION_DIALOG);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_action_dialog_parent_class)->dispose (object);
}

static void
obeya_action_dialog_class_init (ObeyaActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_action_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-action-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaActionDialog, name)
  BIND (window_title);
  BIND (raise_button);
  BIND (title_row);
  BIND (owner_row);
  BIND (due_button);
  BIND (due_calendar);
  BIND (metric_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, due_selected_cb);

  gtk_widget_class_install_action (widget_class, "action.raise", NULL, raise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
obeya_action_dialog_init (ObeyaActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->raise_button);
}

GtkWidget *
obeya_action_dialog_new (GtkWindow      *parent,
                         ObeyaWorkspace *workspace,
                         ObeyaMetric    *metric,
                         ObeyaDay        day)
{
  ObeyaActionDialog *self;
  g_autoptr(GtkStringList) people = NULL;
  g_autoptr(GtkStringList) metrics = NULL;
  ObeyaBoard *board;
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_ACTION_DIALOG, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 560, 380);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->day = day;

  people = obeya_huddle_util_name_list (obeya_workspace_get_people (workspace), _("No owner"));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (people));
  metrics = obeya_huddle_util_name_list (obeya_metrics_get_metrics (self->metrics),
                                         _("No metric"));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metrics));
  if (metric != NULL)
    {
      guint position;

      if (g_list_store_find (G_LIST_STORE (obeya_metrics_get_metrics (self->metrics)), metric,
                             &position))
        adw_combo_row_set_selected (self->metric_row, position + 1);
    }

  board = obeya_metrics_get_action_board (self->metrics);
  if (board != NULL)
    {
      /* Translators: subtitle of the Raise Action dialog: "A card on “Accounts payable”" */
      g_autofree char *subtitle = g_strdup_printf (_("A card on “%s”"),
                                                   obeya_board_get_name (board));

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action.raise",
                                 board != NULL && !obeya_workspace_get_read_only (workspace));

  self->due = obeya_day_today () + DEFAULT_DUE_DAYS;
  obeya_day_to_ymd (self->due, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (self->due_calendar, dt);
  update_due_label (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}
