/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "obeya-dialog-util.h"
#include "obeya-huddle.h"
#include "obeya-huddle-util.h"
#include "obeya-metrics.h"
#include "obeya-person.h"
#include "obeya-standup-agenda.h"
#include "obeya-workspace.h"

struct _ObeyaStandupAgenda
{
  GtkWidget       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  gboolean        attendance;
  GHashTable     *attending;     /* person ids */
  GPtrArray      *item_rows;     /* of GtkWidget, one per agenda item */
  int             current_item;
  gint64          elapsed;

  GtkWidget      *agenda_box;
  GtkWidget      *agenda_total;
  GtkWidget      *attendance_box;
  GtkWidget      *attendance_count;
  GtkWidget      *people_box;
  GtkWidget      *habit_huddles;
  GtkWidget      *habit_huddles_caption;
  GtkWidget      *habit_length;
  GtkWidget      *habit_attendance;
  GtkWidget      *habit_attendance_caption;
  GtkWidget      *last_box;
};

G_DEFINE_FINAL_TYPE (ObeyaStandupAgenda, obeya_standup_agenda, GTK_TYPE_WIDGET)

enum {
  ATTENDANCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* ---- agenda ------------------------------------------------------------------- */

static void
update_current_item (ObeyaStandupAgenda *self)
{
  guint n = 0;
  const ObeyaAgendaItem *items = obeya_metrics_get_agenda (self->metrics, &n);
  gint64 end = 0;

  self->current_item = -1;
  for (guint i = 0; i < n && i < self->item_rows->len; i++)
    {
      GtkWidget *row = self->item_rows->pdata[i];
      gint64 start = end;

      end += (gint64) items[i].minutes * 60;
      gtk_widget_remove_css_class (row, "current");
      gtk_widget_remove_css_class (row, "done");
      if (self->elapsed >= end)
        gtk_widget_add_css_class (row, "done");
      else if (self->elapsed >= start && self->current_item < 0)
        {
          gtk_widget_add_css_class (row, "current");
          self->current_item = (int) i;
        }
    }
}

static void
update_agenda (ObeyaStandupAgenda *self)
{
  guint n = 0;
  const ObeyaAgendaItem *items = obeya_metrics_get_agenda (self->metrics, &n);
  g_autofree char *total = NULL;

  remove_children (self->agenda_box);
  g_ptr_array_set_size (self->item_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      /* Translators: the length of an agenda item, "4 min" */
      g_autofree char *minutes = g_strdup_printf (_("%u min"), items[i].minutes);
      GtkWidget *title = label_new (items[i].title, "obeya-standup-agenda-title", 0);

      gtk_widget_add_css_class (row, "obeya-standup-agenda-item");
      gtk_box_append (GTK_BOX (row), label_new (minutes, "obeya-standup-agenda-minutes", 1));
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (self->agenda_box), row);
      g_ptr_array_add (self->item_rows, row);
    }
  if (n == 0)
    {
      gtk_box_append (GTK_BOX (self->agenda_box),
                      label_new (_("No agenda yet: the team agrees one in Huddle Settings."),
                                 "obeya-standup-dim", 0));
      gtk_widget_set_visible (self->agenda_total, FALSE);
    }
  else
    {
      guint minutes = obeya_metrics_get_agenda_minutes (self->metrics);

      total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute in all",
                                            "%u minutes in all", minutes), minutes);
      gtk_label_set_text (GTK_LABEL (self->agenda_total), total);
      gtk_widget_set_visible (self->agenda_total, TRUE);
    }
  update_current_item (self);
}

/* ---- attendance -------------------------------------------------------------- */

static void
update_attendance_count (ObeyaStandupAgenda *self)
{
  guint n_people = g_list_model_get_n_items (obeya_workspace_get_people (self->workspace));
  g_autofree char *text = NULL;

  /* Translators: attendance at the stand-up, "4 of 6 here" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u here", "%u of %u here",
                                       n_people),
                          obeya_standup_agenda_get_n_attending (self), n_people);
  gtk_label_set_text (GTK_LABEL (self->attendance_count), text);
}

static void
toggle_toggled_cb (GtkToggleButton    *toggle,
                   ObeyaStandupAgenda *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "obeya-person-id");
  gboolean active = gtk_toggle_button_get_active (toggle);

  if (active == g_hash_table_contains (self->attending, id))
    return;
  if (active)
    g_hash_table_add (self->attending, g_strdup (id));
  else
    g_hash_table_remove (self->attending, id);
  update_attendance_count (self);
  g_signal_emit (self, signals[ATTENDANCE_CHANGED], 0);
}

static GtkWidget *
create_toggle (ObeyaStandupAgenda *self,
               ObeyaPerson        *person)
{
  const char *id = obeya_entity_get_id (OBEYA_ENTITY (person));
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  GtkWidget *avatar = obeya_person_avatar_new (obeya_person_get_name (person), 48);
  GtkWidget *name = label_new (obeya_person_get_name (person), "obeya-standup-person-name", 0);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 9);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (check, "obeya-standup-check");
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), check);
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  gtk_widget_add_css_class (toggle, "obeya-standup-person");
  g_object_set_data_full (G_OBJECT (toggle), "obeya-person-id", g_strdup (id), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                g_hash_table_contains (self->attending, id));
  gtk_widget_set_tooltip_text (toggle, _("Present: click to mark or unmark"));
  g_signal_connect (toggle, "toggled", G_CALLBACK (toggle_toggled_cb), self);
  return toggle;
}

static void
update_people (ObeyaStandupAgenda *self)
{
  GListModel *people = obeya_workspace_get_people (self->workspace);
  guint n = g_list_model_get_n_items (people);
  GHashTableIter iter;
  gpointer id;

  gtk_widget_set_visible (self->attendance_box, self->attendance);
  if (!self->attendance)
    return;

  /* People removed meanwhile are no longer present. */
  g_hash_table_iter_init (&iter, self->attending);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (obeya_workspace_find_person (self->workspace, id) == NULL)
      g_hash_table_iter_remove (&iter);

  remove_children (self->people_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->people_box), create_toggle (self, person));
    }
  if (n == 0)
    gtk_flow_box_append (GTK_FLOW_BOX (self->people_box),
                         label_new (_("Add the team in People and Tags to take attendance."),
                                    "obeya-standup-dim", 0));
  /* The toggle takes the focus, not the flow box's cell. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->people_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->people_box), MIN (MAX (n, 1), 2));
  update_attendance_count (self);
}

/* ---- the habit ------------------------------------------------------------------- */

static char *
format_minutes (double minutes)
{
  /* Translators: an average huddle length, "14 min" */
  return g_strdup_printf (_("%.0f min"), minutes);
}

static void
update_habit (ObeyaStandupAgenda *self)
{
  ObeyaDay today = obeya_day_today ();
  GListModel *huddles = obeya_metrics_get_huddles (self->metrics);
  guint n_huddles = g_list_model_get_n_items (huddles);
  guint n_people = g_list_model_get_n_items (obeya_workspace_get_people (self->workspace));
  ObeyaHuddleStats stats;
  int year, month;
  g_autofree char *huddles_text = NULL;
  g_autofree char *caption = NULL;
  guint shown = 0;

  obeya_day_to_ymd (today, &year, &month, NULL);
  obeya_metrics_get_huddle_stats (self->metrics, obeya_day_from_ymd (year, month, 1), today, today,
                                  &stats);

  huddles_text = g_strdup_printf ("%u", stats.n_huddles);
  gtk_label_set_text (GTK_LABEL (self->habit_huddles), huddles_text);
  /* Translators: under the number of huddles this month: "huddles this month, of 4 working days" */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "huddles this month, of %u working day",
                                          "huddles this month, of %u working days",
                                          stats.n_working_days), stats.n_working_days);
  gtk_label_set_text (GTK_LABEL (self->habit_huddles_caption), caption);

  if (stats.n_huddles > 0)
    {
      g_autofree char *length = format_minutes (stats.average_minutes);
      g_autofree char *attendance = g_strdup_printf ("%.1f", stats.average_attendees);
      g_autofree char *attendance_caption = NULL;

      gtk_label_set_text (GTK_LABEL (self->habit_length), length);
      gtk_label_set_text (GTK_LABEL (self->habit_attendance), attendance);
      /* Translators: under the average attendance: "attend on average, of 6 people" */
      attendance_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "attend on average, of %u person",
                                                         "attend on average, of %u people",
                                                         n_people), n_people);
      gtk_label_set_text (GTK_LABEL (self->habit_attendance_caption), attendance_caption);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->habit_length), "—");
      gtk_label_set_text (GTK_LABEL (self->habit_attendance), "—");
      gtk_label_set_text (GTK_LABEL (self->habit_attendance_caption), _("attend on average"));
    }

  remove_children (self->last_box);
  for (guint i = n_huddles; i-- > 0 && shown < OBEYA_STANDUP_AGENDA_LAST_HUDDLES; shown++)
    {
      g_autoptr(ObeyaHuddle) huddle = g_list_model_get_item (huddles, i);
      guint minutes = (obeya_huddle_get_duration (huddle) + 30) / 60;
      guint attendees = obeya_huddle_get_n_attendees (huddle);
      guint actions = obeya_huddle_get_n_actions (huddle);
      g_autofree char *day = obeya_huddle_util_format_day (obeya_huddle_get_day (huddle), today);
      g_autofree char *length = g_strdup_printf (_("%u min"), minutes);
      g_autofree char *present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u here",
                                                               "%u here", attendees), attendees);
      g_autofree char *raised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action",
                                                              "%u actions", actions), actions);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      GtkWidget *day_label = label_new (day, "obeya-standup-log-day", 0);

      gtk_widget_add_css_class (row, "obeya-standup-log-row");
      gtk_widget_set_hexpand (day_label, TRUE);
      gtk_box_append (GTK_BOX (row), day_label);
      gtk_box_append (GTK_BOX (row), label_new (length, "obeya-standup-log-value", 1));
      gtk_box_append (GTK_BOX (row), label_new (present, "obeya-standup-log-value", 1));
      gtk_box_append (GTK_BOX (row), label_new (raised, "obeya-standup-log-value", 1));
      gtk_box_append (GTK_BOX (self->last_box), row);
    }
  if (n_huddles == 0)
    gtk_box_append (GTK_BOX (self->last_box),
                    label_new (_("No huddle recorded yet: leaving the stand-up records it."),
                               "obeya-standup-dim", 0));
}

/* ---- public -------------------------------------------------------------------------- */

void
obeya_standup_agenda_refresh (ObeyaStandupAgenda *self)
{
  g_return_if_fail (OBEYA_IS_STANDUP_AGENDA (self));

  update_agenda (self);
  update_people (self);
  update_habit (self);
}

void
obeya_standup_agenda_set_elapsed (ObeyaStandupAgenda *self,
                                  gint64              seconds)
{
  g_return_if_fail (OBEYA_IS_STANDUP_AGENDA (self));

  self->elapsed = seconds;
  update_current_item (self);
}

int
obeya_standup_agenda_get_current_item (ObeyaStandupAgenda *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_AGENDA (self), -1);
  return self->current_item;
}

gboolean
obeya_standup_agenda_get_attending (ObeyaStandupAgenda *self,
                                    const char         *person_id)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_AGENDA (self), FALSE);
  return person_id != NULL && g_hash_table_contains (self->attending, person_id);
}

void
obeya_standup_agenda_set_attending (ObeyaStandupAgenda *self,
                                    const char         *person_id,
                                    gboolean            attending)
{
  GtkToggleButton *toggle;

  g_return_if_fail (OBEYA_IS_STANDUP_AGENDA (self));
  g_return_if_fail (person_id != NULL);

  toggle = obeya_standup_agenda_get_toggle (self, person_id);
  if (toggle != NULL)
    gtk_toggle_button_set_active (toggle, attending);
}

char **
obeya_standup_agenda_dup_attendees (ObeyaStandupAgenda *self)
{
  GListModel *people;
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (OBEYA_IS_STANDUP_AGENDA (self), NULL);

  people = obeya_workspace_get_people (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (person));

      if (g_hash_table_contains (self->attending, id))
        g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

guint
obeya_standup_agenda_get_n_attending (ObeyaStandupAgenda *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_AGENDA (self), 0);
  return g_hash_table_size (self->attending);
}

GtkToggleButton *
obeya_standup_agenda_get_toggle (ObeyaStandupAgenda *self,
                                 const char         *person_id)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_AGENDA (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->people_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (GTK_IS_TOGGLE_BUTTON (toggle) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "obeya-person-id"), person_id) == 0)
        return GTK_TOGGLE_BUTTON (toggle);
    }
  return NULL;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
obeya_standup_agenda_dispose (GObject *object)
{
  ObeyaStandupAgenda *self = OBEYA_STANDUP_AGENDA (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_standup_agenda_parent_class)->dispose (object);
}

static void
obeya_standup_agenda_finalize (GObject *object)
{
  ObeyaStandupAgenda *self = OBEYA_STANDUP_AGENDA (object);

  g_clear_pointer (&self->attending, g_hash_table_unref);

  G_OBJECT_CLASS (obeya_standup_agenda_parent_class)->finalize (object);
}

static void
obeya_standup_agenda_class_init (ObeyaStandupAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_standup_agenda_dispose;
  object_class->finalize = obeya_standup_agenda_finalize;

  /**
   * ObeyaStandupAgenda::attendance-changed:
   *
   * Someone was marked present or absent.
   */
  signals[ATTENDANCE_CHANGED] =
    g_signal_new ("attendance-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyastandupagenda");
}

/* A big number over its caption, in the habit panel. */
static GtkWidget *
create_stat (GtkWidget **value,
             GtkWidget **caption,
             const char  *caption_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  *value = label_new (NULL, "obeya-standup-stat-value", 0);
  *caption = label_new (caption_text, "obeya-standup-stat-caption", 0);
  gtk_label_set_wrap (GTK_LABEL (*caption), TRUE);
  gtk_box_append (GTK_BOX (box), *value);
  gtk_box_append (GTK_BOX (box), *caption);
  return box;
}

static void
obeya_standup_agenda_init (ObeyaStandupAgenda *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *heading, *unused;

  /* A scrollbar that stays: nobody hovers over the TV to find out that a
   * page goes on below. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  self->attending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_rows = g_ptr_array_new ();
  self->current_item = -1;

  /* A large team scrolls rather than push the window off the screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), columns);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  gtk_widget_add_css_class (columns, "obeya-standup-page");

  /* The agenda and who is here. */
  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (left), label_new (_("Agenda"), "obeya-standup-heading", 0));
  self->agenda_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (left), self->agenda_box);
  self->agenda_total = label_new (NULL, "obeya-standup-dim", 0);
  gtk_box_append (GTK_BOX (left), self->agenda_total);

  self->attendance_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->attendance_box, 24);
  heading = label_new (_("Who Is Here?"), "obeya-standup-heading", 0);
  gtk_box_append (GTK_BOX (heading_row), heading);
  self->attendance_count = label_new (NULL, "obeya-standup-attendance-count", 0);
  gtk_widget_set_valign (self->attendance_count, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (heading, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (heading_row), self->attendance_count);
  gtk_box_append (GTK_BOX (self->attendance_box), heading_row);
  self->people_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->people_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->people_box), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->people_box), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->people_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->people_box), 12);
  gtk_widget_set_valign (self->people_box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->attendance_box), self->people_box);
  gtk_box_append (GTK_BOX (left), self->attendance_box);
  gtk_box_append (GTK_BOX (columns), left);

  /* The habit. */
  gtk_widget_add_css_class (panel, "obeya-standup-panel");
  gtk_widget_set_valign (panel, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (panel), label_new (_("The Habit"), "obeya-standup-heading", 0));
  gtk_box_append (GTK_BOX (panel), create_stat (&self->habit_huddles, &self->habit_huddles_caption,
                                                NULL));
  gtk_box_append (GTK_BOX (panel), create_stat (&self->habit_length, &unused,
                                                _("average length")));
  gtk_box_append (GTK_BOX (panel), create_stat (&self->habit_attendance,
                                                &self->habit_attendance_caption, NULL));
  heading = label_new (_("Last Huddles"), "obeya-standup-subheading", 0);
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (panel), heading);
  self->last_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (panel), self->last_box);
  gtk_box_append (GTK_BOX (columns), panel);
}

GtkWidget *
obeya_standup_agenda_new (ObeyaWorkspace *workspace,
                          gboolean        attendance)
{
  ObeyaStandupAgenda *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP_AGENDA, NULL);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->attendance = attendance;
  obeya_standup_agenda_refresh (self);
  return GTK_WIDGET (self);
}
