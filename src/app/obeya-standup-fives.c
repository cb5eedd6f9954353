/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audits.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-standup-actions.h"
#include "obeya-standup-fives.h"
#include "obeya-workspace.h"

struct _ObeyaStandupFives
{
  GtkWidget       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaAudits    *audits;
  char           *summary;
  guint           n_overdue;
  GListStore     *actions;     /* of ObeyaCard */
  GtkSizeGroup   *groups[3];

  GtkWidget      *areas_box;
  GtkWidget      *actions_list;
  GtkWidget      *actions_empty;
};

G_DEFINE_FINAL_TYPE (ObeyaStandupFives, obeya_standup_fives, GTK_TYPE_WIDGET)

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static int
compare_overdue_first (gconstpointer a,
                       gconstpointer b)
{
  const ObeyaAreaStatus *x = a, *y = b;

  if (x->due != y->due)
    return x->due == OBEYA_AREA_OVERDUE ? -1 : y->due == OBEYA_AREA_OVERDUE ? 1 : 0;
  return x->days_overdue > y->days_overdue ? -1 : x->days_overdue < y->days_overdue;
}

/* One area: name, a bar of its latest score, the score, when it was
 * audited and when it is due next. */
static GtkWidget *
create_area_row (const ObeyaAreaStatus *status,
                 ObeyaDay               today)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  g_autofree char *score = obeya_audit_score_format (&status->score.overall);
  g_autofree char *audited = NULL;
  g_autofree char *due = NULL;
  GtkWidget *due_label;

  gtk_widget_add_css_class (row, "obeya-standup-row");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (names), label_new (obeya_area_get_name (status->area),
                                              "obeya-standup-row-title", 0));
  if (status->latest != NULL)
    {
      g_autofree char *day = obeya_format_due_date (obeya_audit_get_date (status->latest), today);

      /* Translators: when an area's latest 5S audit was, "Audited 12 Oct" */
      audited = g_strdup_printf (_("Audited %s"), day);
    }
  gtk_box_append (GTK_BOX (names), label_new (audited ? audited : _("Never audited"),
                                              "obeya-standup-row-where", 0));
  gtk_box_append (GTK_BOX (row), names);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), status->score.overall.has_score
                                                ? status->score.overall.percent : 0);
  gtk_widget_set_size_request (bar, 240, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, "obeya-standup-score-bar");
  gtk_box_append (GTK_BOX (row), bar);
  gtk_box_append (GTK_BOX (row), label_new (score, "obeya-standup-score", 1));

  switch (status->due)
    {
    case OBEYA_AREA_OVERDUE:
      /* Translators: a 5S area whose audit is overdue, "Overdue · 5 days" */
      due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue · %u day",
                                          "Overdue · %u days", status->days_overdue),
                             status->days_overdue);
      break;
    case OBEYA_AREA_DUE:
      due = g_strdup (status->latest != NULL ? _("Due today") : _("Due: never audited"));
      break;
    case OBEYA_AREA_OK:
    default:
      {
        g_autofree char *day = obeya_format_due_date (status->next_due, today);

        /* Translators: when a 5S area is due for its next audit, "Next 12 Dec" */
        due = g_strdup_printf (_("Next %s"), day);
      }
      break;
    }
  due_label = label_new (due, "obeya-standup-state", 0.5);
  gtk_widget_set_valign (due_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (due_label, status->due == OBEYA_AREA_OVERDUE ? "overdue"
                                       : status->due == OBEYA_AREA_DUE ? "due-soon" : "open");
  if (status->due == OBEYA_AREA_OVERDUE)
    gtk_widget_add_css_class (row, "overdue");
  gtk_widget_set_size_request (due_label, 280, -1);
  gtk_box_append (GTK_BOX (row), due_label);
  return row;
}

static void
update_areas (ObeyaStandupFives *self,
              ObeyaDay           today)
{
  g_autoptr(GArray) overview = obeya_audits_get_overview (self->audits, today);
  ObeyaAuditScore average;
  g_autofree char *average_text = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->areas_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->areas_box), child);

  g_array_sort (overview, compare_overdue_first);
  self->n_overdue = 0;
  for (guint i = 0; i < overview->len; i++)
    {
      const ObeyaAreaStatus *status = &g_array_index (overview, ObeyaAreaStatus, i);

      self->n_overdue += status->due == OBEYA_AREA_OVERDUE;
      gtk_box_append (GTK_BOX (self->areas_box), create_area_row (status, today));
    }

  obeya_audits_get_latest_average (self->audits, &average);
  average_text = obeya_audit_score_format (&average.overall);
  /* Translators: the stand-up's 5S summary: "Average 72 % over 4 areas" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "Average %s over %u area",
                                                "Average %s over %u areas", overview->len),
                          average_text, overview->len);
  if (self->n_overdue > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u audit overdue",
                                                    "%u audits overdue", self->n_overdue),
                              self->n_overdue);
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
update_actions (ObeyaStandupFives *self)
{
  GListModel *audits = obeya_audits_get_audits (self->audits);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (audits, i);
      g_autoptr(GArray) actions = obeya_audit_list_actions (audit);

      for (guint a = 0; a < actions->len; a++)
        {
          const ObeyaAuditAction *action = &g_array_index (actions, ObeyaAuditAction, a);

          if (action->card == NULL || action->done || action->archived ||
              !g_hash_table_add (seen, action->card))
            continue;
          g_ptr_array_add (open, action->card);
        }
    }
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       open->pdata, open->len);
  gtk_widget_set_visible (self->actions_list, open->len > 0);
  gtk_widget_set_visible (self->actions_empty, open->len == 0);
}

void
obeya_standup_fives_refresh (ObeyaStandupFives *self)
{
  g_return_if_fail (OBEYA_IS_STANDUP_FIVES (self));

  update_areas (self, obeya_day_today ());
  update_actions (self);
}

const char *
obeya_standup_fives_get_summary (ObeyaStandupFives *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_FIVES (self), NULL);
  return self->summary;
}

guint
obeya_standup_fives_get_n_overdue (ObeyaStandupFives *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_FIVES (self), 0);
  return self->n_overdue;
}

GListModel *
obeya_standup_fives_get_actions (ObeyaStandupFives *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP_FIVES (self), NULL);
  return G_LIST_MODEL (self->actions);
}

/* ---- GObject ------------------------------------------------------------------------- */

static GtkWidget *
create_action_row_cb (gpointer item,
                      gpointer user_data)
{
  ObeyaStandupFives *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              obeya_standup_card_row_new (item, obeya_day_today (), self->groups));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
obeya_standup_fives_dispose (GObject *object)
{
  ObeyaStandupFives *self = OBEYA_STANDUP_FIVES (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    g_clear_object (&self->groups[i]);
  g_clear_object (&self->workspace);
  self->audits = NULL;

  G_OBJECT_CLASS (obeya_standup_fives_parent_class)->dispose (object);
}

static void
obeya_standup_fives_finalize (GObject *object)
{
  ObeyaStandupFives *self = OBEYA_STANDUP_FIVES (object);

  g_free (self->summary);

  G_OBJECT_CLASS (obeya_standup_fives_parent_class)->finalize (object);
}

static void
obeya_standup_fives_class_init (ObeyaStandupFivesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_standup_fives_dispose;
  object_class->finalize = obeya_standup_fives_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyastandupfives");
}

static void
obeya_standup_fives_init (ObeyaStandupFives *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;

  /* A scrollbar that stays: nobody hovers over the TV to find out that a
   * page goes on below. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  self->actions = g_list_store_new (OBEYA_TYPE_CARD);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    self->groups[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  gtk_widget_add_css_class (box, "obeya-standup-page");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  /* The summary is the page's subtitle (ObeyaStandup shows it). */
  gtk_box_append (GTK_BOX (box), label_new (_("Latest Scores"), "obeya-standup-heading", 0));
  self->areas_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->areas_box, "obeya-standup-list");
  gtk_box_append (GTK_BOX (box), self->areas_box);

  heading = label_new (_("Open 5S Actions"), "obeya-standup-heading", 0);
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (GTK_BOX (box), heading);
  self->actions_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->actions_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->actions_list, "obeya-standup-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (self->actions_list), G_LIST_MODEL (self->actions),
                           create_action_row_cb, self, NULL);
  gtk_box_append (GTK_BOX (box), self->actions_list);
  self->actions_empty = label_new (_("No open 5S actions."), "obeya-standup-dim", 0);
  gtk_box_append (GTK_BOX (box), self->actions_empty);
}

GtkWidget *
obeya_standup_fives_new (ObeyaWorkspace *workspace)
{
  ObeyaStandupFives *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP_FIVES, NULL);
  self->workspace = g_object_ref (workspace);
  self->audits = obeya_workspace_get_audits (workspace);
  obeya_standup_fives_refresh (self);
  return GTK_WIDGET (self);
}
